package dev.rewind.executor;

import static dev.rewind.executor.GitOpsTargets.application;
import static dev.rewind.executor.GitOpsTargets.git;
import static dev.rewind.executor.GitOpsTargets.helmRelease;
import static dev.rewind.executor.GitOpsTargets.helmReleaseKustomization;
import static dev.rewind.executor.GitOpsTargets.helmReleaseManifest;
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
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A target Argo CD or Flux (a Kustomization, or a HelmRelease a Kustomization applies) deploys from Git is rolled
 * back in Git (a pull request pinning the last good images,
 * merged, synced by the controller) and never in the cluster, where its controller would set the rollback back and
 * Git would keep naming the faulty release; when Git cannot be changed, the executor refuses, naming the owner.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitOpsRollbackTest extends KafkaClientTest {

    @Test
    void rollsBackInGitWhatASelfHealingArgoCdApplicationApplies() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        UUID incident = UUID.randomUUID();

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, incident), RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.GITOPS);
        assertThat(manifest(target)).contains("image: \"registry.example/shop/checkout:v1.2.5\"")
                .doesNotContain("v1.3.0");
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(appliedPatches(target)).as("nothing rolled back in the cluster").isZero();
        RollbackStepCompleted merged = step(kafka, target, incident, "git-change-merged");
        assertThat(merged.detail()).startsWith("change https://github.com/shop/deploy/pull/");
        String synced = application(target).get("status", "sync", "revision");
        assertThat(git().isAncestor(GitOpsSetup.REPOSITORY, mergeOf(merged), synced))
                .as("Argo CD synced the merge or a later commit").isTrue();
    }

    @Test
    void rollsBackInGitWhatAFluxKustomizationApplies() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByFlux(target, false);

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, UUID.randomUUID()),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.GITOPS);
        assertThat(manifest(target)).contains("registry.example/shop/checkout:v1.2.5");
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void rollsBackInGitTheValuesOfAFluxHelmRelease() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByFluxHelmRelease(target, true);
        UUID incident = UUID.randomUUID();

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, incident), RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.GITOPS);
        assertThat(helmReleaseManifest(target)).contains("tag: \"v1.2.5\"").doesNotContain("v1.3.0");
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(appliedPatches(target)).as("nothing rolled back in the cluster").isZero();
        assertThat(helmRelease(target).<String>get("spec", "values", "image", "tag")).isEqualTo("v1.2.5");
        String applied = helmReleaseKustomization(target).get("status", "lastAppliedRevision");
        assertThat(git().isAncestor(GitOpsSetup.REPOSITORY, mergeOf(step(kafka, target, incident,
                "git-change-merged")), applied.substring(applied.lastIndexOf(':') + 1)))
                .as("the Kustomization applied the merge or a later commit").isTrue();
    }

    @Test
    void aChangeTheHostWillNotMergeStaysOpenAndTheRollbackFails() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        sandbox().gitHost().failNext("PUT", "/merge", 405, "Pull Request is not mergeable");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).startsWith("GitHub will not merge pull request https://github.com/shop/deploy/pull/")
                .contains("(405 Pull Request is not mergeable); the change stays open at https://github.com/shop/"
                        + "deploy/pull/");
        assertThat(manifest(target)).contains("v1.3.0");
        assertThat(versionOf(target)).isEqualTo("v1.3.0");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aMergeThatTookEffectThoughItsAnswerSaysOtherwiseIsTakenAsMerged() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        // Merged right before Rewind's own merge arrives, as when an earlier answer was lost: GitHub then refuses.
        sandbox().gitHost().beforeNext("PUT", "/merge", () -> git().merge(GitOpsSetup.REPOSITORY,
                git().changeRequests(GitOpsSetup.REPOSITORY).stream().filter(r -> r.mergedSha() == null && !r.closed())
                        .mapToLong(r -> r.number()).max().orElseThrow(), null));

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, UUID.randomUUID()),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.GITOPS);
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void aReleaseBetweenTheProposalAndTheMergeLeavesTheChangeUnmerged() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        String path = GitOpsSetup.manifestPath(target.namespace(), target.service());
        sandbox().gitHost().beforeNext("POST", "/pulls", () -> {
            git().commit(GitOpsSetup.REPOSITORY, "main", Map.of(path, manifest(target).replace("v1.3.0",
                    "v1.4.0")), "release v1.4.0");
            sandbox().gitOps().reconcileAll();
        });

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).contains("v1.4.0").contains("not rolling back")
                .contains("; change https://github.com/shop/deploy/pull/").endsWith(" closed, not merged");
        long number = Long.parseLong(failed.reason().replaceAll(".*/pull/(\\d+) closed, not merged$", "$1"));
        assertThat(git().changeRequest(GitOpsSetup.REPOSITORY, number).orElseThrow().closed())
                .as("nobody merges it later by mistake").isTrue();
        assertThat(git().comments(GitOpsSetup.REPOSITORY, number)).singleElement().asString()
                .startsWith("Rewind did not merge this rollback: ").contains("v1.4.0");
        assertThat(versionOf(target)).as("the release people made stands").isEqualTo("v1.4.0");
        assertThat(manifest(target)).contains("v1.4.0");
    }

    @Test
    void inAnEnvironmentThatReviewsChangesTheRollbackWaitsForPeopleToMerge() {
        TargetKey target = uniqueTarget("staging");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        UUID incident = UUID.randomUUID();
        RollbackApproved command = command(target, incident);
        kafka.send(Topics.ROLLBACK_COMMANDS, command);

        RollbackStepCompleted opened = step(kafka, target, incident, "git-change-opened");
        assertThat(versionOf(target)).as("not merged, not deployed").isEqualTo("v1.3.0");
        long number = Long.parseLong(opened.detail().replaceAll("^change https://github.com/shop/deploy/pull/(\\d+) .*",
                "$1"));
        git().merge(GitOpsSetup.REPOSITORY, number, null);

        outcomeOf(kafka, target, incident, RollbackSucceeded.class);
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void refusesWhenGitCannotBeChangedAndNamesTheOwner() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByArgoCd(target);
        sandbox().client().genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(GitOpsSetup.ARGO_CD_NAMESPACE).withName(target.service()).patch(PatchContext.of(
                        PatchType.JSON_MERGE), "{\"spec\":{\"source\":{\"repoURL\":\"https://github.com/other/x.git\"}}}");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        String deployment = target.namespace() + "/" + target.service();
        assertThat(failed.reason()).startsWith("no rollback method could roll back deployment " + deployment
                + " (kubectl,redeploy: deployment " + deployment + " is managed by Argo CD Application argocd/"
                + target.service() + " (automated sync with self-heal): its controller would set an in-cluster "
                + "rollback (kubectl, redeploy) back to what Git holds, and Git would still name the faulty release")
                .contains("; gitops: Argo CD Application argocd/" + target.service() + " (automated sync with "
                        + "self-heal) deploys from https://github.com/other/x.git, which no configured Git host serves")
                .contains("; pipeline: ");
        assertThat(appliedPatches(target)).isZero();
        assertThat(versionOf(target)).isEqualTo("v1.3.0");
    }

    @Test
    void refusesWhileAFluxKustomizationIsSuspended() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        managedByFlux(target, true);

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).contains("is managed by Flux Kustomization flux-system/" + target.service()
                + " (suspended): an in-cluster rollback (kubectl, redeploy) would hold only until its next sync or "
                + "resume").contains("gitops: Flux Kustomization flux-system/" + target.service() + " (suspended) "
                + "does not apply Git by itself");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aDeploymentWithOnlyHelmsInstanceLabelIsNotTakenForArgoCds() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        sandbox().client().apps().deployments().inNamespace(target.namespace()).withName(target.service())
                .edit(d -> {
                    d.getMetadata().getLabels().put(GitOpsKind.ARGO_INSTANCE_LABEL, target.service());
                    return d;
                });

        RollbackSucceeded succeeded = outcome(kafka, target, command(target, UUID.randomUUID()),
                RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }
}
