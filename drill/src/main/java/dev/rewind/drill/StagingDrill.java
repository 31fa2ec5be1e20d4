package dev.rewind.drill;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The runbook's quarterly drill on staging: deploy a test version, introduce a controlled failure, detect it via
 * monitoring, let Rewind roll back with no person involved (staging's policy approves by itself), verify recovery,
 * and check that the incident is documented.
 */
final class StagingDrill extends Drill {

    StagingDrill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out, Clock clock) {
        super(settings, target, kubernetes, out, clock);
    }

    @Override
    String scenario() {
        return "staging drill (" + settings.fault() + ")";
    }

    @Override
    List<Phase> phases() {
        return List.of(deployPhase(Map.of()), injectPhase(), detectPhase(),
                new Phase("let Rewind roll back", this::awaitRolledBack),
                new Phase("verify recovery", this::verifyRecovered),
                documentPhase());
    }

    @Override
    List<DrillResult.Criterion> criteria() {
        return SuccessCriteria.judge(faultInjectedAt, incidentTime("detectedAt"), rolledBackAt(), peopleActed());
    }
}
