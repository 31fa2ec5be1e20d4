package dev.rewind.executor.gitops;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import dev.rewind.sandbox.helm.HelmDemoChart;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where a Flux HelmRelease's values are in Git (the Kustomization applying it), and how a HelmRelease is confirmed to
 * render the target when its helm-controller keeps no inventory: by the manifest of the Helm release it made last.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitOpsOwnersTest {

    @Inject
    GitOpsOwners owners;

    @Inject
    DeploymentRollbacks rollbacks;

    @Test
    void aHelmReleaseDeploysFromThePathOfTheKustomizationApplyingIt() {
        TargetKey target = chart();

        GitOpsSource source = owners.sourceOf(rollbacks.observedNow(target), owner(target));

        assertThat(source.repositoryUrl()).isEqualTo(GitOpsSetup.REPOSITORY_URL);
        assertThat(source.path()).isEqualTo("apps/" + target.namespace() + "/" + target.service());
        assertThat(source.fluxKustomization()).isEqualTo(GitOpsSetup.FLUX_NAMESPACE + "/" + target.service()
                + "-release");
        assertThat(source.fluxRepository()).isEqualTo(GitOpsSetup.FLUX_NAMESPACE + "/deploy");
    }

    @Test
    void withoutAnInventoryTheLastHelmReleaseItMadeMustRenderTheTarget() {
        TargetKey target = chart();
        withoutInventory(target);

        assertThatThrownBy(() -> owners.sourceOf(rollbacks.observedNow(target), owner(target)))
                .isInstanceOf(MethodUnavailable.class).hasMessageContaining("does not list deployment "
                        + target.namespace() + "/" + target.service());

        sandbox().client().secrets().inNamespace(target.namespace()).resource(HelmDemoChart.secret(HelmDemoChart
                .release(target.service(), target.namespace(), 1, "v1.3.0", "deployed", "Install complete")))
                .create();
        assertThat(owners.sourceOf(rollbacks.observedNow(target), owner(target)).fluxKustomization()).isNotNull();
    }

    @Test
    void aHelmReleaseNoKustomizationAppliesHasNoValuesInGit() {
        TargetKey target = chart();
        sandbox().client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace(GitOpsSetup.FLUX_NAMESPACE).withName(target.service()).edit(r -> {
                    r.getMetadata().setLabels(Map.of());
                    return r;
                });

        assertThatThrownBy(() -> owners.sourceOf(rollbacks.observedNow(target), owner(target)))
                .isInstanceOf(MethodUnavailable.class).hasMessageContaining("is not applied by a Flux Kustomization");
    }

    /** A target a HelmRelease renders, as {@link GitOpsSetup#fluxHelmRelease} and one reconcile leave it. */
    private static TargetKey chart() {
        TargetKey target = uniqueTarget("development");
        sandbox().deployWithHistory(target.namespace(), target.service(), HelmDemoChart.IMAGE, List.of("v1.3.0"));
        GitOpsSetup.fluxHelmRelease(sandbox().client(), sandbox().git(), target.namespace(), target.service(), true);
        sandbox().gitOps().reconcileAll();
        sandbox().gitOps().reconcileAll(); // the commit fetched in the first round is applied in the second
        return target;
    }

    /**
     * The HelmRelease's status as a helm-controller that keeps no inventory writes it (its release's history), the
     * Deployment no longer marked so that the sandbox's controller leaves that status alone.
     */
    private static void withoutInventory(TargetKey target) {
        sandbox().client().apps().deployments().inNamespace(target.namespace()).withName(target.service())
                .edit(d -> {
                    d.getMetadata().getLabels().remove(GitOpsKind.FLUX_HELM_RELEASE.ownerNameLabel());
                    return d;
                });
        GenericKubernetesResource release = helmRelease(target);
        release.getAdditionalProperties().put("status", Map.of("storageNamespace", target.namespace(),
                "history", List.of(Map.of("name", target.service(), "namespace", target.namespace(), "version", 1,
                        "status", "deployed"))));
        sandbox().client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace(GitOpsSetup.FLUX_NAMESPACE).resource(release).updateStatus();
    }

    private static GitOpsOwner owner(TargetKey target) {
        return GitOpsOwner.of(GitOpsKind.FLUX_HELM_RELEASE, helmRelease(target));
    }

    private static GenericKubernetesResource helmRelease(TargetKey target) {
        return sandbox().client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace(GitOpsSetup.FLUX_NAMESPACE).withName(target.service()).get();
    }

    private static KubernetesSandbox sandbox() {
        return KubernetesSandboxResource.sandbox;
    }
}
