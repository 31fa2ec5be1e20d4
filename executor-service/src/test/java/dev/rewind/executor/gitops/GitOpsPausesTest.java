package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.gitops.GitOpsSetup;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pausing and resuming a GitOps owner's sync against the sandbox's API server: idempotent for the execution that
 * paused it, never taking over or resuming someone else's pause, refusing a policy changed since planning, and
 * putting Argo CD's automated policy back as it was.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GitOpsPausesTest {

    @Inject
    GitOpsPauses pauses;

    @Test
    void pausesOnceAndPutsArgoCdsPolicyBackAsItWas() {
        String app = application();
        GitOpsPause pause = pauses.plan(client(), owner(app));
        String by = GitOpsPause.by(UUID.randomUUID());

        pauses.pause(client(), pause, by);
        String version = read(app).getMetadata().getResourceVersion();
        pauses.pause(client(), pause, by);

        assertThat(read(app).<Object>get("spec", "syncPolicy", "automated")).isNull();
        assertThat(read(app).getMetadata().getAnnotations()).containsEntry(GitOpsPause.ANNOTATION, by);
        assertThat(read(app).getMetadata().getResourceVersion()).as("paused once").isEqualTo(version);
        assertThat(pauses.resume(client(), pause, by)).contains("resumed (automated sync {prune=true, selfHeal=true} "
                + "put back)");
        assertThat(read(app).<Map<String, Object>>get("spec", "syncPolicy", "automated"))
                .isEqualTo(Map.of("prune", true, "selfHeal", true));
        assertThat(read(app).getMetadata().getAnnotations()).doesNotContainKey(GitOpsPause.ANNOTATION);
        assertThat(pauses.resume(client(), pause, by)).as("resumed already").contains("syncs again");
    }

    @Test
    void neverTakesOverOrResumesAPauseItDidNotMake() {
        String app = application();
        GitOpsPause pause = pauses.plan(client(), owner(app));
        patch(app, "{\"metadata\":{\"annotations\":{\"" + GitOpsPause.ANNOTATION + "\":\"rewind execution other\"}}}");

        assertThatThrownBy(() -> pauses.pause(client(), pause, GitOpsPause.by(UUID.randomUUID())))
                .isInstanceOf(RollbackRefused.class).hasMessageContaining("is paused by rewind execution other");
        String by = GitOpsPause.by(UUID.randomUUID());
        patch(app, "{\"metadata\":{\"annotations\":{\"" + GitOpsPause.ANNOTATION + "\":\"" + by + "\"}}}");
        pauses.pause(client(), pause, by);
        patch(app, "{\"metadata\":{\"annotations\":{\"" + GitOpsPause.ANNOTATION + "\":\"people\"}}}");
        assertThatThrownBy(() -> pauses.resume(client(), pause, by)).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("was paused again, not by this rollback");
        assertThat(read(app).<Object>get("spec", "syncPolicy", "automated")).as("theirs to resume").isNull();
    }

    @Test
    void refusesAPolicyChangedSinceThePauseWasPlanned() {
        String app = application();
        GitOpsPause pause = pauses.plan(client(), owner(app));
        patch(app, "{\"spec\":{\"syncPolicy\":{\"automated\":{\"selfHeal\":false}}}}");

        assertThatThrownBy(() -> pauses.pause(client(), pause, GitOpsPause.by(UUID.randomUUID())))
                .isInstanceOf(RollbackRefused.class).hasMessageContaining("changed its automated sync policy");
        assertThat(read(app).<Object>get("spec", "syncPolicy", "automated")).isNotNull();
    }

    @Test
    void doesNotPlanToPauseWhatAParentWouldSetBack() {
        String app = application();
        patch(app, "{\"metadata\":{\"annotations\":{\"" + GitOpsKind.ARGO_TRACKING_ID + "\":\"apps:argoproj.io/"
                + "Application:argocd/" + app + "\"}}}");

        assertThatThrownBy(() -> pauses.plan(client(), owner(app))).isInstanceOf(MethodUnavailable.class)
                .hasMessageContaining("is itself applied by Argo CD Application apps");
    }

    @Test
    void suspendsAndResumesAFluxKustomization() {
        String name = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox().deployWithHistory("shop", name, "registry.example/shop/checkout", java.util.List.of("v1.2.5"));
        GitOpsSetup.flux(client(), sandbox().git(), "shop", name, "flux-system", name, false);
        GitOpsOwner owner = new GitOpsOwner(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", name, "reconciling", true);
        GitOpsPause pause = pauses.plan(client(), owner);
        String by = GitOpsPause.by(UUID.randomUUID());

        pauses.pause(client(), pause, by);
        assertThat(kustomization(name).<Boolean>get("spec", "suspend")).isTrue();
        pauses.resume(client(), pause, by);

        assertThat(kustomization(name).<Boolean>get("spec", "suspend")).isFalse();
        assertThat(kustomization(name).getMetadata().getAnnotations()).doesNotContainKey(GitOpsPause.ANNOTATION);
    }

    @Test
    void suspendsAHelmReleaseThatAKustomizationAppliesWithoutSettingSuspend() {
        String name = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox().deployWithHistory("shop", name, "registry.example/shop/checkout", java.util.List.of("v1.2.5"));
        GitOpsSetup.fluxHelmRelease(client(), sandbox().git(), "shop", name, true);
        GitOpsOwner owner = new GitOpsOwner(GitOpsKind.FLUX_HELM_RELEASE, GitOpsSetup.FLUX_NAMESPACE, name,
                "reconciling", true);
        GitOpsPause pause = pauses.plan(client(), owner);
        String by = GitOpsPause.by(UUID.randomUUID());

        pauses.pause(client(), pause, by);
        sandbox().gitOps().reconcileAll();
        sandbox().gitOps().reconcileAll();
        assertThat(helmRelease(name).<Boolean>get("spec", "suspend")).as("kept while its Kustomization applies Git")
                .isTrue();
        assertThat(pauses.resume(client(), pause, by)).isEqualTo("Flux HelmRelease " + GitOpsSetup.FLUX_NAMESPACE
                + "/" + name + " resumed (spec.suspend false)");

        assertThat(helmRelease(name).<Boolean>get("spec", "suspend")).isFalse();
        assertThat(helmRelease(name).getMetadata().getLabels()).containsKey("kustomize.toolkit.fluxcd.io/name");
    }

    @Test
    void aKustomizationAnotherAppliesIsPausedUnlessItsManifestSetsSuspend() {
        String free = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        String owned = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        appliedByKustomization(free, Map.of("f:spec", Map.of("f:path", Map.of())));
        appliedByKustomization(owned, Map.of("f:spec", Map.of("f:path", Map.of(), "f:suspend", Map.of())));

        assertThat(pauses.plan(client(), fluxOwner(free)).owner()).isEqualTo("Flux Kustomization flux-system/" + free);
        assertThatThrownBy(() -> pauses.plan(client(), fluxOwner(owned))).isInstanceOf(MethodUnavailable.class)
                .hasMessageContaining("is itself applied by Flux Kustomization flux-system/apps (its manifest in Git "
                        + "sets spec.suspend)");
    }

    /**
     * A Kustomization that Kustomization {@code flux-system/apps} applies server-side, owning {@code fields} (as
     * {@code managedFields} names them).
     */
    private static void appliedByKustomization(String name, Map<String, Object> fields) {
        FieldsV1 owned = new FieldsV1();
        fields.forEach(owned::setAdditionalProperty);
        GitOpsKind kind = GitOpsKind.FLUX_KUSTOMIZATION;
        client().genericKubernetesResources(kind.context()).inNamespace("flux-system").resource(
                new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion()).withKind(kind.kind())
                        .withNewMetadata().withName(name).withNamespace("flux-system")
                        .withLabels(Map.of(kind.ownerNameLabel(), "apps", kind.ownerNamespaceLabel(), "flux-system"))
                        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kustomize-controller")
                                .withOperation("Apply").withFieldsType("FieldsV1").withFieldsV1(owned).build())
                        .endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("path", "./apps", "interval", "10m")))
                        .build()).create();
    }

    private static GitOpsOwner fluxOwner(String name) {
        return new GitOpsOwner(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", name, "reconciling", true);
    }

    /** A new self-healing Application deploying a new Deployment. */
    private static String application() {
        String name = "pause-" + UUID.randomUUID().toString().substring(0, 8);
        sandbox().deployWithHistory("shop", name, "registry.example/shop/checkout", java.util.List.of("v1.2.5"));
        GitOpsSetup.argoCd(client(), sandbox().git(), "shop", name, name, true, true);
        return name;
    }

    private static GitOpsOwner owner(String app) {
        return GitOpsOwner.of(GitOpsKind.ARGO_CD_APPLICATION, read(app));
    }

    private static GenericKubernetesResource read(String app) {
        return client().genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(GitOpsSetup.ARGO_CD_NAMESPACE).withName(app).get();
    }

    private static GenericKubernetesResource kustomization(String name) {
        return client().genericKubernetesResources(GitOpsKind.FLUX_KUSTOMIZATION.context()).inNamespace("flux-system")
                .withName(name).get();
    }

    private static GenericKubernetesResource helmRelease(String name) {
        return client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace(GitOpsSetup.FLUX_NAMESPACE).withName(name).get();
    }

    private static void patch(String app, String mergePatch) {
        client().genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(GitOpsSetup.ARGO_CD_NAMESPACE).withName(app)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    private static KubernetesClient client() {
        return sandbox().client();
    }

    private static KubernetesSandbox sandbox() {
        return KubernetesSandboxResource.sandbox;
    }
}
