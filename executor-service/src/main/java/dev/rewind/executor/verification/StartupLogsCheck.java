package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.kubernetes.KubernetesApi;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No startup errors in the recent logs of the pods started by the rollback (runbook: kubectl logs --tail=100, "look
 * for startup errors"). Logs that cannot be read (no kubelet behind the API server, a container not started yet)
 * leave the check passed and say so: the other checks judge pods that never started.
 */
@ApplicationScoped
public class StartupLogsCheck implements VerificationCheck {

    public static final String NAME = "startup-logs";

    private static final int LINES_SHOWN = 3;

    private final KubernetesApi api;
    private final DeploymentPods deploymentPods;
    private final StartupErrors startupErrors;
    private final int tailLines;

    @Inject
    public StartupLogsCheck(KubernetesApi api, DeploymentPods deploymentPods, VerificationConfig config) {
        this.api = api;
        this.deploymentPods = deploymentPods;
        VerificationConfig.StartupLogs logs = config.startupLogs();
        this.startupErrors = new StartupErrors(logs.pattern(), logs.extraPattern(), logs.ignore());
        this.tailLines = logs.tailLines();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        List<Pod> newPods = deploymentPods.pods(target).stream()
                .filter(pod -> StartupErrors.startedAfter(pod, target.startedAt())).toList();
        if (newPods.isEmpty()) {
            return Optional.of(CheckResult.passed(NAME, "no pod of deployment " + target.describe()
                    + " started after " + target.startedAt() + ": no new logs to read"));
        }
        List<String> errors = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int read = 0;
        for (Pod pod : newPods) {
            for (Container container : pod.getSpec().getContainers()) {
                String where = "pod " + pod.getMetadata().getName() + " container " + container.getName();
                Optional<String> log = log(target, pod, container, where, unreadable);
                if (log.isEmpty()) {
                    continue;
                }
                read++;
                List<String> lines = startupErrors.scan(log.get());
                if (!lines.isEmpty()) {
                    errors.add(where + ": " + lines.size() + " error line" + (lines.size() == 1 ? "" : "s") + ", "
                            + String.join(" | ", lines.stream().limit(LINES_SHOWN).map(l -> "'" + l + "'").toList()));
                }
            }
        }
        String notRead = unreadable.isEmpty() ? "" : "; could not read the logs of " + String.join(", ", unreadable)
                + " (not checked)";
        if (!errors.isEmpty()) {
            return Optional.of(CheckResult.failed(NAME, "startup errors in the logs of deployment "
                    + target.describe() + " since " + target.startedAt() + ": " + String.join("; ", errors)
                    + notRead + " (kubectl logs -n " + target.namespace() + " <pod> -c <container>)"));
        }
        if (read == 0) {
            return Optional.of(CheckResult.passed(NAME, "logs not checked: could not read the logs of "
                    + String.join(", ", unreadable)));
        }
        return Optional.of(CheckResult.passed(NAME, "no startup errors in the last " + tailLines + " lines since "
                + target.startedAt() + " of " + read + " container" + (read == 1 ? "" : "s") + " of "
                + newPods.size() + " new pod" + (newPods.size() == 1 ? "" : "s") + notRead));
    }

    private Optional<String> log(VerificationTarget target, Pod pod, Container container, String where,
                                 List<String> unreadable) {
        String log;
        try {
            log = api.call(() -> target.client().pods().inNamespace(target.namespace())
                    .withName(pod.getMetadata().getName()).inContainer(container.getName())
                    // A container that is not ready still has logs worth reading: no wait for readiness.
                    .withReadyWaitTimeout(0)
                    .sinceTime(target.startedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                    .tailingLines(tailLines)
                    .getLog());
        } catch (ExecutionInterrupted e) {
            throw e;
        } catch (RuntimeException e) {
            unreadable.add(where + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
        Optional<String> kind = StartupErrors.apiObjectKind(log);
        if (kind.isPresent()) {
            unreadable.add(where + " (the API server answered a " + kind.get() + " instead of log text: it serves "
                    + "no logs)");
            return Optional.empty();
        }
        return Optional.of(log);
    }
}
