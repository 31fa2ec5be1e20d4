package dev.rewind.drill;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        description = "Runs the runbook's rollback drill on the staging environment and reports it.")
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

    @Option(names = "--environment", defaultValue = "staging", description = "[${DEFAULT-VALUE}]")
    String environment;

    @Option(names = "--namespace", defaultValue = "shop-staging",
            description = "a namespace the environment owns in Rewind's configuration [${DEFAULT-VALUE}]")
    String namespace;

    @Option(names = "--deployment", description = "the Deployment to create [checkout-drill-<time>]")
    String deployment;

    @Option(names = "--fault", defaultValue = "error-rate=0.12",
            description = "the failure injected into the test version [${DEFAULT-VALUE}]")
    String fault;

    @Option(names = "--detect-timeout", defaultValue = "PT2M", description = "ISO-8601 [${DEFAULT-VALUE}]")
    Duration detectTimeout;

    @Option(names = "--rollback-timeout", defaultValue = "PT10M",
            description = "the runbook's limit for a completed rollback [${DEFAULT-VALUE}]")
    Duration rollbackTimeout;

    @Override
    public Integer call() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("detector-service", detector);
        services.put("approval-service", approval);
        services.put("executor-service", executor);
        services.put("notifier-service", notifier);
        services.put("postmortem-service", postmortem);
        String name = deployment != null ? deployment
                : "checkout-drill-" + Long.toString(Instant.now().getEpochSecond(), 36).toLowerCase(Locale.ROOT);
        DrillSettings settings = new DrillSettings(services, postmortem, sandbox, token, environment, namespace, name,
                "registry.example/shop/checkout", "v1.0.0", "v1.1.0", fault, detectTimeout, rollbackTimeout);
        try (KubernetesClient kubernetes = new KubernetesClientBuilder().build()) {
            DrillResult result = new StagingDrill(settings, kubernetes, System.out, Clock.systemUTC()).run();
            System.out.print(DrillReport.render(result));
            return result.passed() ? 0 : 1;
        }
    }

    public static void main(String[] args) {
        // The Kubernetes client's log: warnings only, so that the report stays readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(new CommandLine(new RollbackDrill()).execute(args));
    }
}
