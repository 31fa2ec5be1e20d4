package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target Argo CD deploys from Git (automated sync with self-heal, the sandbox's stand-ins for Argo CD and a Git
 * host): the test version is released through Git, and a plain in-cluster undo is shown to be set back by the
 * controller. Rewind must roll back in Git (a pull request pinning the last good image, merged), the controller
 * deploy it, and the rollback hold: Git names what runs.
 */
final class GitOpsDrill extends Drill {

    private static final ResourceDefinitionContext APPLICATIONS = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
            .withNamespaced(true).build();

    private final List<String> steps = new ArrayList<>();
    private String setBack;
    private String gitImage;
    private String syncStatus;

    GitOpsDrill(DrillSettings settings, DrillTarget target, KubernetesClient kubernetes, PrintStream out,
                Clock clock) {
        super(settings, target, kubernetes, out, clock);
    }

    @Override
    String scenario() {
        return "GitOps-managed target, rolled back in Git (" + settings.fault() + ")";
    }

    @Override
    List<Phase> phases() {
        return List.of(deployPhase(Map.of()),
                new Phase("a plain in-cluster undo is set back by Argo CD's self-heal", this::undoIsSetBack),
                injectPhase(), detectPhase(),
                new Phase("let Rewind roll back", this::awaitRolledBack),
                new Phase("rolled back in Git, deployed by Argo CD, and held", this::checkGit),
                new Phase("verify recovery", this::verifyRecovered),
                documentPhase());
    }

    @Override
    List<DrillResult.Criterion> criteria() {
        String method = incident == null ? null : incident.path("versions").path("method").asText(null);
        String merged = steps.stream().filter(step -> step.startsWith("git-change-merged:")).findFirst().orElse(null);
        List<DrillResult.Criterion> criteria = new ArrayList<>(List.of(
                new DrillResult.Criterion("a plain undo does not hold against Argo CD", setBack != null,
                        setBack == null ? "not shown" : setBack, true),
                new DrillResult.Criterion("rolled back through Git", "GITOPS".equals(method) && merged != null,
                        method == null ? "no method rolled back" : "by " + method + (merged == null ? ""
                                : "; " + merged), true),
                new DrillResult.Criterion("Git names the last good version and Argo CD is in sync with it",
                        gitImage != null && gitImage.endsWith(":" + settings.goodVersion())
                                && "Synced".equals(syncStatus),
                        "Git pins " + gitImage + "; Application " + syncStatus, true)));
        criteria.addAll(SuccessCriteria.judge(faultInjectedAt, incidentTime("detectedAt"), rolledBackAt(),
                peopleActed()).subList(0, 2));
        return criteria;
    }

    /** Hands the Deployment to Argo CD (its manifest committed), then releases the test version through Git. */
    @Override
    void releaseTestVersion(Map<String, String> testVersionAnnotations) {
        String gitops = settings.sandboxUrl() + "/gitops/" + target.namespace() + "/" + target.deployment();
        JsonHttp.Answer owned = sandbox.put(gitops + "/owner", "argocd");
        if (owned.status() != 204) {
            throw new DrillFailed("the sandbox would not put " + target + " under Argo CD: " + owned.describe());
        }
        mark("drill", "deployed by Argo CD Application argocd/" + target.deployment() + " (automated sync, "
                + "self-heal) from the sandbox's Git");
        JsonHttp.Answer released = sandbox.put(gitops + "/release", settings.testVersion());
        if (released.status() != 204) {
            throw new DrillFailed("the sandbox would not release " + settings.testVersion() + " in Git: "
                    + released.describe());
        }
        mark("drill", "released " + settings.testVersion() + " through Git");
        whereToLook.add("Git: " + gitops + " (pull requests at " + settings.sandboxUrl()
                + "/github/repos/shop/deploy/pulls, token sandbox-git-token)");
    }

    private String undoIsSetBack() {
        Instant undone = clock.instant();
        kubernetes.apps().deployments().inNamespace(target.namespace()).withName(target.deployment()).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0)
                    .setImage(settings.image() + ":" + settings.goodVersion());
            return d;
        });
        mark("drill", "undone in the cluster to " + settings.goodVersion() + " (as kubectl rollout undo would)");
        Poll.until("Argo CD setting the undo back to " + settings.testVersion(), SETTLE, POLL,
                () -> image().endsWith(":" + settings.testVersion()) ? Optional.of(true) : Optional.empty());
        setBack = "set back to " + settings.testVersion() + " " + SuccessCriteria.seconds(Duration.between(undone,
                clock.instant())) + " after the undo";
        mark("drill", "Argo CD " + setBack);
        awaitRolledOut(settings.testVersion());
        return setBack;
    }

    private String checkGit() {
        steps.clear();
        for (JsonNode step : incident.path("steps")) {
            steps.add(step.path("step").asText() + ": " + step.path("detail").asText());
        }
        JsonNode git = read(sandbox, settings.sandboxUrl() + "/gitops/" + target.namespace() + "/"
                + target.deployment());
        gitImage = git.path("images").path(0).asText(null);
        String revision = git.path("revision").asText();
        GenericKubernetesResource application = Poll.until("Argo CD in sync with Git", SETTLE, POLL, () -> {
            GenericKubernetesResource app = kubernetes.genericKubernetesResources(APPLICATIONS).inNamespace("argocd")
                    .withName(target.deployment()).get();
            return app != null && "Synced".equals(app.get("status", "sync", "status"))
                    && revision.equals(app.get("status", "sync", "revision")) ? Optional.of(app) : Optional.empty();
        });
        syncStatus = application.get("status", "sync", "status");
        for (DrillResult.Criterion criterion : criteria().subList(1, 3)) {
            if (!criterion.met()) {
                throw new DrillFailed(criterion.name() + ": " + criterion.measured());
            }
        }
        mark("drill", "Git pins " + gitImage + " at " + revision.substring(0, 8) + "; Argo CD " + syncStatus);
        return "Git pins " + gitImage + ", Argo CD " + syncStatus + " at " + revision.substring(0, 8);
    }
}
