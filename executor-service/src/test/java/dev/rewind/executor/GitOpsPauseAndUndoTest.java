package dev.rewind.executor;

import static dev.rewind.executor.GitOpsTargets.application;
import static dev.rewind.executor.GitOpsTargets.git;
import static dev.rewind.executor.GitOpsTargets.helmRelease;
import static dev.rewind.executor.GitOpsTargets.helmReleaseManifest;
import static dev.rewind.executor.GitOpsTargets.kustomization;
import static dev.rewind.executor.GitOpsTargets.managedByArgoCd;
import static dev.rewind.executor.GitOpsTargets.managedByFlux;
import static dev.rewind.executor.GitOpsTargets.managedByFluxHelmRelease;
import static dev.rewind.executor.GitOpsTargets.manifest;
import static dev.rewind.executor.GitOpsTargets.mergeOf;
import static dev.rewind.executor.GitOpsTargets.sandbox;
import static dev.rewind.executor.GitOpsTargets.step;
import static dev.rewind.executor.GitOpsTargets.versionOf;
import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.gitops.GitOpsPause;
import dev.rewind.executor.gitops.GitOpsPolicy;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * In an emergency (P0, where the environment's GitOps strategy is pause-and-undo: development and staging in tests),
 * the controller's sync is paused, the target rolled back in the cluster at once, Git changed to name what runs, and
 * the sync resumed as it was once that change is merged; whatever stops it first leaves the sync paused, said.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitOpsPauseAndUndoTest extends KafkaClientTest {

    @Test
    void pausesArgoCdRollsBackInTheClusterThenGitCatchesUpAndTheSyncResumesAsItWas() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        Map<String, Object> automated = application(target).get("spec", "syncPolicy", "automated");
        UUID incident = UUID.randomUUID();

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, incident, Severity.P0),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).as("rolled back in the cluster").isEqualTo(RollbackMethod.KUBECTL);
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(manifest(target)).as("Git names what runs").contains("registry.example/shop/checkout:v1.2.5")
                .doesNotContain("v1.3.0");
        assertThat(application(target).<Map<String, Object>>get("spec", "syncPolicy", "automated"))
                .as("put back as it was").isEqualTo(automated);
        assertThat(application(target).getMetadata().getAnnotations()).doesNotContainKey(GitOpsPause.ANNOTATION);
        RollbackStepCompleted paused = step(kafka, target, incident, "gitops-paused");
        RollbackStepCompleted patched = step(kafka, target, incident, "patched");
        RollbackStepCompleted merged = step(kafka, target, incident, "git-change-merged");
        RollbackStepCompleted resumed = step(kafka, target, incident, "gitops-resumed");
        assertThat(paused.occurredAt()).isBeforeOrEqualTo(patched.occurredAt());
        assertThat(patched.occurredAt()).isBeforeOrEqualTo(merged.occurredAt());
        assertThat(merged.occurredAt()).isBeforeOrEqualTo(resumed.occurredAt());
        assertThat(resumed.detail()).startsWith("Argo CD Application argocd/" + target.service() + " resumed");
        String synced = application(target).get("status", "sync", "revision");
        assertThat(git().isAncestor(GitOpsSetup.REPOSITORY, mergeOf(merged), synced))
                .as("Argo CD synced the merge or a later commit").isTrue();
    }

    @Test
    void suspendsAFluxKustomizationForTheUndoAndResumesItOnceMerged() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByFlux(target, false);
        UUID incident = UUID.randomUUID();

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, incident, Severity.P0),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(step(kafka, target, incident, "gitops-paused").detail()).startsWith("Flux Kustomization "
                + "flux-system/" + target.service() + " paused (spec.suspend set");
        assertThat(kustomization(target).<Boolean>get("spec", "suspend")).isFalse();
        assertThat(kustomization(target).getMetadata().getAnnotations()).doesNotContainKey(GitOpsPause.ANNOTATION);
        assertThat(manifest(target)).contains("registry.example/shop/checkout:v1.2.5");
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void suspendsAFluxHelmReleaseForTheUndoAndResumesItOnceMerged() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByFluxHelmRelease(target, true);
        UUID incident = UUID.randomUUID();

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, incident, Severity.P0),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(step(kafka, target, incident, "gitops-paused").detail()).startsWith("Flux HelmRelease "
                + GitOpsSetup.FLUX_NAMESPACE + "/" + target.service() + " paused (spec.suspend set");
        assertThat(helmRelease(target).<Boolean>get("spec", "suspend")).isFalse();
        assertThat(helmRelease(target).getMetadata().getAnnotations()).doesNotContainKey(GitOpsPause.ANNOTATION);
        assertThat(helmRelease(target).<String>get("spec", "values", "image", "tag")).isEqualTo("v1.2.5");
        assertThat(helmReleaseManifest(target)).contains("tag: \"v1.2.5\"");
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(deployment(target).getMetadata().getAnnotations()).as("resumed only once its Kustomization "
                + "applied the merge: never set back to v1.3.0 (revision 4) and rolled back again (5)")
                .containsEntry(DeploymentRevisions.REVISION, "3");
    }

    @Test
    void whereChangesAreReviewedTheTargetIsRolledBackAtOnceAndTheSyncStaysPausedUntilPeopleMerge() {
        TargetKey target = uniqueTarget("staging");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        UUID incident = UUID.randomUUID();
        kafka.send(Topics.ROLLBACK_COMMANDS, command(target, incident, Severity.P0));

        RollbackStepCompleted opened = step(kafka, target, incident, "git-change-opened");
        assertThat(versionOf(target)).as("rolled back in the cluster before any merge").isEqualTo("v1.2.5");
        assertThat(application(target).<Object>get("spec", "syncPolicy", "automated")).as("paused").isNull();
        assertThat(manifest(target)).as("not merged yet").contains("v1.3.0");
        git().merge(GitOpsSetup.REPOSITORY, Long.parseLong(opened.detail().replaceAll(
                "^change https://github.com/shop/deploy/pull/(\\d+) .*", "$1")), null);

        outcomeOf(kafka, target, incident, RollbackSucceeded.class);
        assertThat(application(target).<Object>get("spec", "syncPolicy", "automated")).as("resumed").isNotNull();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void aReleaseMadeBeforeGitCaughtUpIsLeftAloneAndTheSyncStaysPaused() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        // People release v1.4.0 by hand after the undo, before Rewind proposes the change in Git.
        sandbox().gitHost().beforeNext("POST", "/pulls", () -> sandbox().client().apps().deployments()
                .inNamespace(target.namespace()).withName(target.service()).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(
                            "registry.example/shop/checkout:v1.4.0");
                    return d;
                }));

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID(), Severity.P0),
                RollbackFailed.class);

        assertThat(failed.reason()).contains("v1.4.0").contains("changed since, so Git is not changed to match")
                .endsWith("; Argo CD Application argocd/" + target.service() + " stays paused by Rewind (automated "
                        + "sync removed, it was {prune=true, selfHeal=true}; annotation rewind.dev/paused-by): resume it "
                        + "once Git names the release that should run");
        assertThat(application(target).<Object>get("spec", "syncPolicy", "automated")).isNull();
        assertThat(application(target).getMetadata().getAnnotations()).containsKey(GitOpsPause.ANNOTATION);
        assertThat(manifest(target)).contains("v1.3.0");
    }

    @Test
    void aChangeGitWillNotTakeAfterTheUndoFailsTheRollbackSayingTheSyncStaysPaused() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        sandbox().gitHost().failNext("POST", "/pulls", 403, "Resource not accessible by integration");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID(), Severity.P0),
                RollbackFailed.class);

        assertThat(failed.reason()).startsWith("could not propose the rollback in " + GitOpsSetup.REPOSITORY_URL)
                .contains("403").endsWith(" stays paused by Rewind (automated sync removed, it was {prune=true, "
                        + "selfHeal=true}; annotation rewind.dev/paused-by): resume it once Git names the release "
                        + "that should run");
        assertThat(versionOf(target)).as("rolled back in the cluster all the same").isEqualTo("v1.2.5");
        assertThat(application(target).<Object>get("spec", "syncPolicy", "automated")).isNull();
    }

    @Test
    void anApplicationAParentAppliesIsNotPausedButRolledBackInGit() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        sandbox().client().genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(GitOpsSetup.ARGO_CD_NAMESPACE).withName(target.service()).patch(PatchContext.of(
                        PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"" + GitOpsKind.ARGO_TRACKING_ID
                        + "\":\"apps:argoproj.io/Application:argocd/" + target.service() + "\"}}}");

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, UUID.randomUUID(), Severity.P0),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.GITOPS);
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aDeploymentThatAsksForLessIsNotPaused() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        sandbox().client().apps().deployments().inNamespace(target.namespace()).withName(target.service())
                .edit(d -> new DeploymentBuilder(d).editMetadata().addToAnnotations(GitOpsPolicy.ANNOTATION,
                        "revert").endMetadata().build());

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, UUID.randomUUID(), Severity.P0),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).as("rolled back in Git only").isEqualTo(RollbackMethod.GITOPS);
        assertThat(appliedPatches(target)).isZero();
    }
}
