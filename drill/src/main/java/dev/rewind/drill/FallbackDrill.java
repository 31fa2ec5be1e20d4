package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runbook's Method 1 failing its check: the target's rollback pipeline (the sandbox's CI stand-in) succeeds but
 * deploys nothing. Rewind must check what the pipeline deployed, find the release judged bad still running, fall back
 * to the next method (which checks the target again before it acts), roll back with it and verify.
 */
final class FallbackDrill extends Drill {

    private final String repository;
    private final List<String> steps = new ArrayList<>();

    FallbackDrill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out,
                  Clock clock) {
        super(settings, target, kubernetes, out, clock);
        this.repository = "sandbox/" + target.deployment();
    }

    @Override
    String scenario() {
        return "failed verification of the pipeline method, falling back (" + settings.fault() + ")";
    }

    @Override
    List<Phase> phases() {
        return List.of(
                new Phase("set up: the CI's rollback pipeline of " + repository + " succeeds but deploys nothing",
                        this::breakPipeline),
                deployPhase(Map.of("rewind.dev/pipeline-repository", repository)), injectPhase(), detectPhase(),
                new Phase("let Rewind roll back", this::awaitRolledBack),
                new Phase("the pipeline's outcome checked and found wrong; the next method rolled back",
                        this::checkFallback),
                new Phase("verify recovery", this::verifyRecovered),
                documentPhase());
    }

    @Override
    List<DrillResult.Criterion> criteria() {
        String method = incident == null ? null : incident.path("versions").path("method").asText(null);
        List<DrillResult.Criterion> criteria = new ArrayList<>(SuccessCriteria.fallback(steps, method));
        criteria.addAll(SuccessCriteria.judge(faultInjectedAt, incidentTime("detectedAt"), rolledBackAt(),
                peopleActed()).subList(0, 2));
        return criteria;
    }

    private String breakPipeline() {
        JsonHttp.Answer answer = sandbox.put(settings.sandboxUrl() + "/ci/repositories/" + repository + "/outcome",
                "deploys-nothing");
        if (answer.status() != 204) {
            throw new DrillFailed("the sandbox's CI stand-in refused: " + answer.describe());
        }
        mark("drill", "CI pipeline of " + repository + " set to succeed without deploying");
        return repository + ": deploys-nothing";
    }

    private String checkFallback() {
        steps.clear();
        for (JsonNode step : incident.path("steps")) {
            steps.add(step.path("step").asText() + ": " + step.path("detail").asText());
        }
        List<DrillResult.Criterion> judged = SuccessCriteria.fallback(steps,
                incident.path("versions").path("method").asText(null));
        for (DrillResult.Criterion criterion : judged) {
            if (!criterion.met()) {
                throw new DrillFailed(criterion.name() + ": " + criterion.measured());
            }
        }
        return judged.get(1).measured();
    }
}
