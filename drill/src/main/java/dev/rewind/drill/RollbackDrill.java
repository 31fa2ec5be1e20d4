package dev.rewind.drill;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rewind-drill}: runs the runbook's rollback drill against a running Rewind (dev/stack.sh up) and its
 * sandbox, prints a line per phase and the report, and exits 0 when the drill passed, 1 when it failed, 2 on a usage
 * error. The Kubernetes API comes from KUBECONFIG (the sandbox's, written by dev/stack.sh).
 */
@Command(name = "rewind-drill", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the runbook's rollback drill (staging rolls back on its own), a production P1 that waits "
                + "for approval, a rollback Rewind must decline, a pipeline that deploys nothing (the next method "
                + "takes over), and a target Argo CD deploys from Git (rolled back in Git), and reports them.")
public final class RollbackDrill implements Callable<Integer> {

    @Option(names = "--token", required = true, defaultValue = "${env:REWIND_DRILL_TOKEN}",
            description = "Bearer token that may read incidents (dev/identity.sh token NAME viewer) [$REWIND_DRILL_TOKEN]")
    String token;

    @Option(names = "--detector", defaultValue = "http://127.0.0.1:8081", description = "detector-service [${DEFAULT-VALUE}]")
    String detector;

    @Option(names = "--approval", defaultValue = "http://127.0.0.1:8082", description = "approval-service [${DEFAULT-VALUE}]")
    String approval;

    @Option(names = "--executor", defaultValue = "http://127.0.0.1:8083", description = "executor-service [${DEFAULT-VALUE}]")
    String executor;

    @Option(names = "--notifier", defaultValue = "http://127.0.0.1:8084", description = "notifier-service [${DEFAULT-VALUE}]")
    String notifier;

    @Option(names = "--postmortem", defaultValue = "http://127.0.0.1:8085",
            description = "postmortem-service, the incident API [${DEFAULT-VALUE}]")
    String postmortem;

    @Option(names = "--sandbox", defaultValue = "http://127.0.0.1:18480",
            description = "the sandbox's demo applications, monitor and Slack stand-in [${DEFAULT-VALUE}]")
    String sandbox;

    @Option(names = "--approver-token", defaultValue = "${env:REWIND_DRILL_APPROVER_TOKEN}",
            description = "Bearer token of an on-call engineer, for the production scenario's approval "
                    + "(dev/identity.sh token NAME oncall) [$REWIND_DRILL_APPROVER_TOKEN]")
    String approverToken;

    @Option(names = "--scenario", split = ",", defaultValue = "staging,production-approval,declined,fallback,gitops",
            converter = Scenario.Converter.class,
            description = "Scenarios to run, in order: staging, production-approval, declined, fallback, gitops "
                    + "[${DEFAULT-VALUE}]")
    List<Scenario> scenarios;

    @Option(names = "--staging", defaultValue = "staging/shop-staging",
            description = "ENVIRONMENT/NAMESPACE of the staging scenarios (an environment of Rewind's configuration and "
                    + "a namespace it owns) [${DEFAULT-VALUE}]")
    String staging;

    @Option(names = "--production", defaultValue = "production/shop-production",
            description = "ENVIRONMENT/NAMESPACE of the production scenario [${DEFAULT-VALUE}]")
    String production;

    @Option(names = "--name-prefix", defaultValue = "checkout-drill",
            description = "Deployments created are named PREFIX-<scenario>-<time> [${DEFAULT-VALUE}]")
    String namePrefix;

    @Option(names = "--fault", defaultValue = "error-rate=0.12",
            description = "the failure injected into the test version [${DEFAULT-VALUE}]")
    String fault;

    @Option(names = "--detect-timeout", defaultValue = "PT2M", description = "ISO-8601 [${DEFAULT-VALUE}]")
    Duration detectTimeout;

    @Option(names = "--rollback-timeout", defaultValue = "PT10M",
            description = "the runbook's limit for a completed rollback [${DEFAULT-VALUE}]")
    Duration rollbackTimeout;

    /** The drill's scenarios. */
    enum Scenario {
        /** The runbook's drill: staging rolls back on its own. */
        STAGING,
        /** A production P1 that waits for an on-call engineer's approval. */
        PRODUCTION_APPROVAL,
        /** A rollback declined: the release carries an irreversible migration. */
        DECLINED,
        /** The pipeline method's run deploys nothing: its check fails and the next method rolls back. */
        FALLBACK,
        /** A target Argo CD deploys from Git: a plain undo is set back; Rewind rolls back in Git. */
        GITOPS;

        /** Reads {@code production-approval} and the like. */
        static final class Converter implements CommandLine.ITypeConverter<Scenario> {
            @Override
            public Scenario convert(String value) {
                for (Scenario scenario : values()) {
                    if (scenario.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                        return scenario;
                    }
                }
                throw new CommandLine.TypeConversionException("unknown scenario '" + value
                        + "': staging, production-approval, declined, fallback or gitops");
            }
        }
    }

    @Override
    public Integer call() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("detector-service", detector);
        services.put("approval-service", approval);
        services.put("executor-service", executor);
        services.put("notifier-service", notifier);
        services.put("postmortem-service", postmortem);
        DrillSettings settings = new DrillSettings(services, postmortem, approval, sandbox, token, approverToken,
                "registry.example/shop/checkout", "v1.0.0", "v1.1.0", fault, detectTimeout, rollbackTimeout);
        if (scenarios.contains(Scenario.PRODUCTION_APPROVAL) && (approverToken == null || approverToken.isBlank())) {
            throw new CommandLine.ParameterException(new CommandLine(this), "the production-approval scenario "
                    + "approves as an on-call engineer: pass --approver-token or $REWIND_DRILL_APPROVER_TOKEN "
                    + "(dev/identity.sh token NAME oncall), or leave the scenario out with --scenario");
        }
        String time = Long.toString(Instant.now().getEpochSecond(), 36).toLowerCase(Locale.ROOT);
        try (KubernetesClient kubernetes = new KubernetesClientBuilder().build()) {
            List<Drill> drills = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                drills.add(drill(scenario, settings, kubernetes, time));
            }
            List<DrillTarget> targets = drills.stream().map(d -> d.target).toList();
            System.out.println("Checking that Rewind and the sandbox are up ...");
            List<DrillResult> results = new ArrayList<>();
            for (Drill drill : drills) {
                // Again before each scenario: one that failed may have been a service going down.
                try {
                    String up = Preflight.check(settings, kubernetes, targets);
                    if (results.isEmpty()) {
                        System.out.println("  " + up);
                    }
                } catch (DrillFailed e) {
                    System.out.println("Drill FAILED: " + e.getMessage());
                    return 1;
                }
                results.add(drill.run());
            }
            results.forEach(result -> System.out.print(DrillReport.render(result)));
            System.out.print(DrillReport.summary(results));
            return results.stream().allMatch(DrillResult::passed) ? 0 : 1;
        }
    }

    private Drill drill(Scenario scenario, DrillSettings settings, KubernetesClient kubernetes, String time) {
        Clock clock = Clock.systemUTC();
        return switch (scenario) {
            case STAGING -> new StagingDrill(settings, target(staging, "--staging", "staging", time), kubernetes,
                    System.out, clock);
            case PRODUCTION_APPROVAL -> new ApprovalDrill(settings, target(production, "--production", "approval",
                    time), kubernetes, System.out, clock);
            case DECLINED -> new DeclinedDrill(settings, target(staging, "--staging", "declined", time), kubernetes,
                    System.out, clock);
            case FALLBACK -> new FallbackDrill(settings, target(staging, "--staging", "fallback", time), kubernetes,
                    System.out, clock);
            case GITOPS -> new GitOpsDrill(settings, target(staging, "--staging", "gitops", time), kubernetes,
                    System.out, clock);
        };
    }

    private DrillTarget target(String environmentAndNamespace, String option, String scenario, String time) {
        String[] parts = environmentAndNamespace.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new CommandLine.ParameterException(new CommandLine(this), option
                    + " must be ENVIRONMENT/NAMESPACE, got '" + environmentAndNamespace + "'");
        }
        return new DrillTarget(parts[0], parts[1], namePrefix + "-" + scenario + "-" + time);
    }

    public static void main(String[] args) {
        // The Kubernetes client's log: warnings only, so that the report stays readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new RollbackDrill()).execute(args));
    }
}
