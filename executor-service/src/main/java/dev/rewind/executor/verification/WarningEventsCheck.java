package dev.rewind.executor.verification;

import dev.rewind.executor.kubernetes.KubernetesApi;
import io.fabric8.kubernetes.api.model.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * No Warning event about the Deployment, its ReplicaSets or pods since the rollback was sent. The namespace's events
 * are filtered here by their involved object: field selectors differ between API servers (and the sandbox has none).
 */
@ApplicationScoped
public class WarningEventsCheck implements VerificationCheck {

    public static final String NAME = "warning-events";

    private final KubernetesApi api;
    private final DeploymentPods deploymentPods;
    private final Set<String> ignoredReasons;

    @Inject
    public WarningEventsCheck(KubernetesApi api, DeploymentPods deploymentPods, VerificationConfig config) {
        this.api = api;
        this.deploymentPods = deploymentPods;
        this.ignoredReasons = config.warningEvents().ignoredReasons().orElse(Set.of());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        WarningEvents.Involved involved = new WarningEvents.Involved(target.name(),
                deploymentPods.replicaSets(target).stream().map(rs -> rs.getMetadata().getName())
                        .collect(Collectors.toSet()),
                deploymentPods.pods(target).stream().map(pod -> pod.getMetadata().getName())
                        .collect(Collectors.toSet()));
        List<Event> events = api.call(() -> target.client().v1().events().inNamespace(target.namespace()).list()
                .getItems());
        List<Event> warnings = WarningEvents.since(events, involved, target.startedAt(), ignoredReasons);
        return Optional.of(WarningEvents.judge(target.namespace(), target.name(), warnings, target.startedAt()));
    }
}
