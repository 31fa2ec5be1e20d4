package dev.rewind.sandbox.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.kubernetes.gitops.GitOpsKind;
import dev.rewind.sandbox.KubernetesSandbox;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GitOps stand-in undoes an in-cluster rollback of a Deployment it owns exactly where Argo CD or Flux would. */
class SimulatedGitOpsControllerTest {

    private static final String IMAGE = "registry.example/shop/checkout";
    private static KubernetesSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KubernetesSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aSelfHealingApplicationSetsAPlainUndoBackWithinASecond() {
        deploy("heal");
        GitOpsSetup.argoCd(sandbox.client(), sandbox.git(), "shop", "heal", "heal", true, true);
        sandbox.gitOps().reconcileAll();

        undo("heal");

        await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(image("heal")).endsWith(":v1.3.0"));
        GenericKubernetesResource app = application("heal");
        assertThat((String) app.get("status", "sync", "status")).isEqualTo("Synced");
        assertThat((List<?>) app.get("status", "resources")).hasSize(1);
    }

    @Test
    void automatedSyncWithoutSelfHealKeepsTheUndoUntilTheNextCommit() {
        deploy("noheal");
        GitOpsSetup.argoCd(sandbox.client(), sandbox.git(), "shop", "noheal", "noheal", true, false);
        sandbox.gitOps().reconcileAll();

        undo("noheal");
        sandbox.gitOps().reconcileAll();

        assertThat(image("noheal")).endsWith(":v1.2.5");
        assertThat((String) application("noheal").get("status", "sync", "status")).isEqualTo("OutOfSync");
        String commit = release("noheal", "v1.3.0", "v1.4.0");
        sandbox.gitOps().reconcileAll();
        assertThat(image("noheal")).as("a new commit is synced").endsWith(":v1.4.0");
        assertThat((String) application("noheal").get("status", "sync", "revision")).isEqualTo(commit);
    }

    @Test
    void anApplicationWithoutAutomatedSyncNeverSetsItBack() {
        deploy("manual");
        GitOpsSetup.argoCd(sandbox.client(), sandbox.git(), "shop", "manual", "manual", false, false);
        sandbox.gitOps().reconcileAll();

        undo("manual");
        sandbox.gitOps().reconcileAll();

        assertThat(image("manual")).endsWith(":v1.2.5");
    }

    @Test
    void aKustomizationSetsItBackUnlessSuspended() {
        deploy("flux");
        deploy("paused");
        GitOpsSetup.flux(sandbox.client(), sandbox.git(), "shop", "flux", "flux-system", "shop-apps", false);
        GitOpsSetup.flux(sandbox.client(), sandbox.git(), "shop", "paused", "flux-system", "shop-paused", true);
        sandbox.gitOps().reconcileAll();

        undo("flux");
        undo("paused");
        sandbox.gitOps().reconcileAll();

        assertThat(image("flux")).endsWith(":v1.3.0");
        assertThat(image("paused")).endsWith(":v1.2.5");
    }

    @Test
    void aRevertMergedInGitIsAppliedAndReportedByItsRevision() {
        deploy("reverted");
        GitOpsSetup.flux(sandbox.client(), sandbox.git(), "shop", "reverted", "flux-system", "shop-reverted", false);
        sandbox.gitOps().reconcileAll();

        String commit = release("reverted", "v1.3.0", "v1.2.5");
        sandbox.gitOps().reconcileAll();

        assertThat(image("reverted")).endsWith(":v1.2.5");
        GenericKubernetesResource kustomization = sandbox.client().genericKubernetesResources(
                GitOpsKind.FLUX_KUSTOMIZATION.context()).inNamespace("flux-system").withName("shop-reverted").get();
        assertThat((String) kustomization.get("status", "lastAppliedRevision")).isEqualTo("main@sha1:" + commit);
    }

    @Test
    void aHelmReleaseRendersTheValuesItsKustomizationAppliesFromGit() {
        deploy("chart");
        GitOpsSetup.fluxHelmRelease(sandbox.client(), sandbox.git(), "shop", "chart", false);
        sandbox.gitOps().reconcileAll();
        assertThat(helmRelease("chart").<List<?>>get("status", "inventory", "entries")).hasSize(1);

        undo("chart");
        sandbox.gitOps().reconcileAll();
        assertThat(image("chart")).as("no drift detection: the undo stays").endsWith(":v1.2.5");

        String path = GitOpsSetup.helmReleasePath("shop", "chart");
        String manifest = sandbox.git().files(GitOpsSetup.REPOSITORY, "main").orElseThrow().get(path);
        String commit = sandbox.git().commit(GitOpsSetup.REPOSITORY, "main", Map.of(path, manifest.replace(
                "tag: \"v1.3.0\"", "tag: \"v1.4.0\"")), "release v1.4.0");
        // Fetched at the end of a round, applied to the HelmRelease in the next, rendered in the one after.
        sandbox.gitOps().reconcileAll();
        sandbox.gitOps().reconcileAll();
        assertThat(helmRelease("chart").<String>get("spec", "values", "image", "tag")).isEqualTo("v1.4.0");
        sandbox.gitOps().reconcileAll();

        assertThat(image("chart")).as("a new generation is upgraded").endsWith(":v1.4.0");
        GenericKubernetesResource release = helmRelease("chart");
        assertThat(release.<Object>get("status", "observedGeneration")).isEqualTo(release.getMetadata()
                .getGeneration().intValue());
        GenericKubernetesResource kustomization = sandbox.client().genericKubernetesResources(
                GitOpsKind.FLUX_KUSTOMIZATION.context()).inNamespace("flux-system").withName("chart-release").get();
        assertThat((String) kustomization.get("status", "lastAppliedRevision")).isEqualTo("main@sha1:" + commit);
    }

    @Test
    void aHelmReleaseDetectingDriftSetsAnUndoBackUnlessSuspended() {
        deploy("drift");
        GitOpsSetup.fluxHelmRelease(sandbox.client(), sandbox.git(), "shop", "drift", true);
        sandbox.gitOps().reconcileAll();

        undo("drift");
        sandbox.gitOps().reconcileAll();
        assertThat(image("drift")).endsWith(":v1.3.0");

        sandbox.client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context()).inNamespace("flux-system")
                .withName("drift").edit(r -> {
                    r.<Map<String, Object>>get("spec").put("suspend", true);
                    return r;
                });
        undo("drift");
        sandbox.gitOps().reconcileAll();
        assertThat(image("drift")).endsWith(":v1.2.5");
    }

    @Test
    void theCustomResourcesAreServedByTheirCrds() {
        assertThat(sandbox.client().apiextensions().v1().customResourceDefinitions().list().getItems())
                .extracting(crd -> crd.getMetadata().getName())
                .contains("applications.argoproj.io", "kustomizations.kustomize.toolkit.fluxcd.io",
                        "helmreleases.helm.toolkit.fluxcd.io");
    }

    private static void deploy(String name) {
        sandbox.deployWithHistory("shop", name, IMAGE, List.of("v1.2.5", "v1.3.0"));
    }

    /**
     * What {@code kubectl rollout undo} leaves: the previous release's template; sent again on a conflict (the
     * sandbox's controllers write the Deployment too), as kubectl does.
     */
    private static void undo(String name) {
        for (int attempt = 1; ; attempt++) {
            try {
                sandbox.client().apps().deployments().inNamespace("shop").withName(name).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(IMAGE + ":v1.2.5");
                    return d;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Commits {@code to} in place of {@code from} in Deployment {@code name}'s manifest, as a person's push would. */
    private static String release(String name, String from, String to) {
        String path = GitOpsSetup.manifestPath("shop", name);
        String manifest = sandbox.git().files(GitOpsSetup.REPOSITORY, "main").orElseThrow().get(path);
        return sandbox.git().commit(GitOpsSetup.REPOSITORY, "main", Map.of(path, manifest.replace(IMAGE + ":" + from,
                IMAGE + ":" + to)), "release " + to);
    }

    private static Deployment deployment(String name) {
        return sandbox.client().apps().deployments().inNamespace("shop").withName(name).get();
    }

    private static String image(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static GenericKubernetesResource helmRelease(String name) {
        return sandbox.client().genericKubernetesResources(GitOpsKind.FLUX_HELM_RELEASE.context())
                .inNamespace("flux-system").withName(name).get();
    }

    private static GenericKubernetesResource application(String name) {
        return sandbox.client().genericKubernetesResources(GitOpsKind.ARGO_CD_APPLICATION.context())
                .inNamespace(GitOpsSetup.ARGO_CD_NAMESPACE).withName(name).get();
    }

}
