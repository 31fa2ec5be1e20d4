package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which values of a HelmRelease's manifest a change pins, and whether the HelmRelease in the cluster holds them. */
class HelmReleaseValuesTest {

    private static final String MANIFESTS = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: checkout
              namespace: flux-system
            spec:
              values:
                replicaCount: 3
                image:
                  repository: registry.example/shop/checkout
                  tag: "v1.2.5"   # rolled back by Rewind
                sidecars:
                  - image: registry.example/shop/proxy:v2
            """;

    private static final Set<String> PINS = Set.of("registry.example/shop/checkout:v1.2.5", "v1.2.5",
            "registry.example/shop/proxy:v2", "v2");

    @Test
    void findsTheLeavesNamingALastGoodImageOrTagInTheHelmReleaseNamed() {
        Map<List<String>, String> pinned = HelmReleaseValues.pinned(Map.of("apps/release.yaml", MANIFESTS),
                "flux-system", "checkout", PINS);

        assertThat(pinned).containsExactlyInAnyOrderEntriesOf(Map.of(List.of("image", "tag"), "v1.2.5",
                List.of("sidecars", "0", "image"), "registry.example/shop/proxy:v2"));
        assertThat(HelmReleaseValues.pinned(Map.of("apps/release.yaml", MANIFESTS), "flux-system", "payments", PINS))
                .isEmpty();
        assertThat(HelmReleaseValues.pinned(Map.of("apps/kustomization.yaml", "images:\n  - newTag: v1.2.5\n"),
                "flux-system", "checkout", PINS)).as("pinned outside a HelmRelease").isEmpty();
    }

    @Test
    void theClusterHoldsThemOnlyOnceEveryPinnedLeafIsApplied() {
        Map<List<String>, String> pinned = HelmReleaseValues.pinned(Map.of("apps/release.yaml", MANIFESTS),
                "flux-system", "checkout", PINS);

        assertThat(HelmReleaseValues.holds(inCluster("v1.3.0", "registry.example/shop/proxy:v2"), pinned)).isFalse();
        assertThat(HelmReleaseValues.holds(inCluster("v1.2.5", "registry.example/shop/proxy:v2"), pinned)).isTrue();
        assertThat(HelmReleaseValues.holds(inCluster("v1.2.5", null), pinned)).isFalse();
    }

    private static GenericKubernetesResource inCluster(String tag, String sidecar) {
        String sidecars = sidecar == null ? "" : "\n    sidecars:\n      - image: " + sidecar;
        return Serialization.unmarshal("""
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: checkout, namespace: flux-system}
                spec:
                  values:
                    replicaCount: 5
                    image: {repository: registry.example/shop/checkout, tag: "%s"}%s
                """.formatted(tag, sidecars), GenericKubernetesResource.class);
    }
}
