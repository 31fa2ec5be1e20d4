package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsOwnership.Found;
import dev.rewind.executor.gitops.GitOpsOwnership.Lookup;
import dev.rewind.executor.gitops.GitOpsOwnership.Missing;
import dev.rewind.executor.gitops.GitOpsOwnership.Unreadable;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which GitOps resource applies a Deployment: its marks claim, the resources they name confirm. */
class GitOpsOwnershipTest {

    private final Map<String, Lookup> cluster = new HashMap<>();

    @Test
    void fluxOwnerLabelsNameTheKustomization() {
        cluster.put("Kustomization flux-system/shop", found(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", "shop",
                Map.of("interval", "10m")));

        GitOpsOwnership ownership = settle(meta(Map.of("kustomize.toolkit.fluxcd.io/name", "shop",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), Map.of()));

        assertThat(ownership.owner()).isEqualTo(new GitOpsOwner(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", "shop",
                "reconciling every 10m", true));
        assertThat(ownership.warnings()).isEmpty();
    }

    @Test
    void aHelmReleasesLabelsWinOverTheKustomizationThatAppliedIt() {
        cluster.put("HelmRelease shop/checkout", found(GitOpsKind.FLUX_HELM_RELEASE, "shop", "checkout",
                Map.of("suspend", true)));

        GitOpsOwnership ownership = settle(meta(Map.of("helm.toolkit.fluxcd.io/name", "checkout",
                "helm.toolkit.fluxcd.io/namespace", "shop", "kustomize.toolkit.fluxcd.io/name", "shop",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), Map.of()));

        assertThat(ownership.owner().describe()).isEqualTo("Flux HelmRelease shop/checkout (suspended)");
        assertThat(ownership.owner().reconciles()).isFalse();
    }

    @Test
    void argoCdsTrackingIdNamesTheApplicationAndItsNamespace() {
        cluster.put("Application team-apps/checkout", found(GitOpsKind.ARGO_CD_APPLICATION, "team-apps", "checkout",
                Map.of("syncPolicy", Map.of("automated", Map.of("selfHeal", true)))));

        GitOpsOwnership ownership = settle(meta(Map.of(), Map.of(GitOpsKind.ARGO_TRACKING_ID,
                "team-apps_checkout:apps/Deployment:shop/checkout")));

        assertThat(ownership.owner().describe())
                .isEqualTo("Argo CD Application team-apps/checkout (automated sync with self-heal)");
        assertThat(ownership.owner().reconciles()).isTrue();
    }

    @Test
    void theInstanceLabelCountsOnlyWhenTheApplicationListsTheDeployment() {
        Map<String, String> helmsLabel = Map.of(GitOpsKind.ARGO_INSTANCE_LABEL, "checkout");
        cluster.put("Application argocd/checkout", found(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                Map.of()));
        assertThat(settle(meta(helmsLabel, Map.of())).owner()).as("Helm sets the same label").isNull();

        GenericKubernetesResource listing = ((Found) cluster.get("Application argocd/checkout")).resource();
        listing.getAdditionalProperties().put("status", Map.of("resources", List.of(Map.of("group", "apps",
                "kind", "Deployment", "namespace", "shop", "name", "checkout"))));

        assertThat(settle(meta(helmsLabel, Map.of())).owner().describe())
                .isEqualTo("Argo CD Application argocd/checkout (automated sync off)");
    }

    @Test
    void aTrackingIdCopiedFromAnotherObjectIsIgnoredAsArgoCdIgnoresIt() {
        GitOpsOwnership ownership = settle(meta(Map.of(), Map.of(GitOpsKind.ARGO_TRACKING_ID,
                "checkout:apps/Deployment:shop/cart")));

        assertThat(ownership).isEqualTo(GitOpsOwnership.NONE);
    }

    @Test
    void anUnreadableStrongClaimRefusesAndAnUnreadableLabelIsOnlySaid() {
        cluster.put("Kustomization flux-system/shop", new Unreadable("the Kubernetes API answered 403"));
        cluster.put("Application argocd/checkout", new Unreadable("the Kubernetes API answered 403"));

        assertThatThrownBy(() -> settle(meta(Map.of("kustomize.toolkit.fluxcd.io/name", "shop",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), Map.of())))
                .isInstanceOf(RollbackRefused.class)
                .hasMessageStartingWith("cannot tell whether Flux Kustomization flux-system/shop manages deployment "
                        + "shop/checkout (its marks say so): the Kubernetes API answered 403")
                .hasMessageContaining("kustomizations.kustomize.toolkit.fluxcd.io (k8s/components/gitops)");
        GitOpsOwnership labelOnly = settle(meta(Map.of(GitOpsKind.ARGO_INSTANCE_LABEL, "checkout"), Map.of()));
        assertThat(labelOnly.owner()).isNull();
        assertThat(labelOnly.warnings()).singleElement().asString().startsWith("could not check whether Argo CD "
                + "Application argocd/checkout manages deployment shop/checkout (label only)");
    }

    @Test
    void aMarkNamingNothingIsSaidAndOwnsNothing() {
        GitOpsOwnership ownership = settle(meta(Map.of("kustomize.toolkit.fluxcd.io/name", "gone",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), Map.of()));

        assertThat(ownership.owner()).isNull();
        assertThat(ownership.warnings()).singleElement().asString().contains("Flux Kustomization flux-system/gone, "
                + "which does not exist");
    }

    @Test
    void twoOwnersAreAmbiguousAndRefused() {
        cluster.put("Kustomization flux-system/shop", found(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", "shop",
                Map.of()));
        cluster.put("Application argocd/checkout", found(GitOpsKind.ARGO_CD_APPLICATION, "argocd", "checkout",
                Map.of("syncPolicy", Map.of("automated", Map.of("enabled", false, "selfHeal", true)))));

        assertThatThrownBy(() -> settle(meta(Map.of("kustomize.toolkit.fluxcd.io/name", "shop",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"), Map.of(GitOpsKind.ARGO_TRACKING_ID,
                "checkout:apps/Deployment:shop/checkout"))))
                .isInstanceOf(RollbackRefused.class)
                .hasMessage("deployment shop/checkout is claimed by Flux Kustomization flux-system/shop (reconciling) "
                        + "and Argo CD Application argocd/checkout (automated sync disabled); not rolling back in the "
                        + "cluster while two GitOps controllers may fight over it");
    }

    @Test
    void anOwnerConfirmsOnlyWhatItListsItselfAsApplying() {
        GenericKubernetesResource kustomization = found(GitOpsKind.FLUX_KUSTOMIZATION, "flux-system", "shop",
                Map.of()).resource();
        assertThat(GitOpsOwnership.confirms(GitOpsKind.FLUX_KUSTOMIZATION, kustomization, "shop", "checkout"))
                .as("a label alone").isFalse();
        kustomization.getAdditionalProperties().put("status", Map.of("inventory", Map.of("entries", List.of(
                Map.of("id", "shop_checkout_apps_Deployment", "v", "v1")))));
        assertThat(GitOpsOwnership.confirms(GitOpsKind.FLUX_KUSTOMIZATION, kustomization, "shop", "checkout"))
                .isTrue();
        assertThat(GitOpsOwnership.confirms(GitOpsKind.FLUX_KUSTOMIZATION, kustomization, "shop", "cart")).isFalse();
    }

    @Test
    void aHelmReleaseSaysWhetherItCorrectsDrift() {
        GitOpsOwner owner = GitOpsOwner.of(GitOpsKind.FLUX_HELM_RELEASE, found(GitOpsKind.FLUX_HELM_RELEASE, "shop",
                "cart", Map.of("interval", "5m", "driftDetection", Map.of("mode", "enabled"))).resource());

        assertThat(owner.policy()).isEqualTo("reconciling every 5m, drift detection enabled");
    }

    private GitOpsOwnership settle(ObjectMeta metadata) {
        return GitOpsOwnership.settle("shop", "checkout", GitOpsMarks.of(metadata, "argocd",
                GitOpsKind.ARGO_INSTANCE_LABEL), (kind, namespace, name) -> cluster.getOrDefault(
                kind.kind() + " " + namespace + "/" + name, new Missing()));
    }

    private static ObjectMeta meta(Map<String, String> labels, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withNamespace("shop").withName("checkout").withLabels(labels)
                .withAnnotations(annotations).build();
    }

    private static Found found(GitOpsKind kind, String namespace, String name, Map<String, Object> spec) {
        return new Found(new GenericKubernetesResourceBuilder().withApiVersion(kind.apiVersion()).withKind(kind.kind())
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withAdditionalProperties(new HashMap<>(Map.of("spec", spec))).build());
    }
}
