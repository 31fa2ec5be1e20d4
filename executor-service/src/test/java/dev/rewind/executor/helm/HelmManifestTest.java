package dev.rewind.executor.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.sandbox.helm.HelmDemoChart;
import org.junit.jupiter.api.Test;

class HelmManifestTest {

    @Test
    void readsTheObjectsInManifestOrderInTheReleaseNamespace() {
        HelmManifest manifest = HelmManifest.parse(HelmDemoChart.manifest("checkout", "v1.3.0"), "shop");

        assertThat(manifest.objects()).extracting(o -> o.key().toString()).containsExactly(
                "ConfigMap shop/checkout-config", "ConfigMap shop/checkout-feature-flags",
                "ConfigMap shop/checkout-cache",
                "Deployment shop/checkout");
        ManifestObject deployment = manifest.objects().get(3);
        assertThat(deployment.key().group()).isEqualTo("apps");
        assertThat(deployment.json().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo(HelmDemoChart.IMAGE + ":v1.3.0");
    }

    @Test
    void skipsEmptyDocumentsAndKeepsAnExplicitNamespace() {
        String manifest = """
                ---
                # Source: checkout/templates/empty.yaml
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: checkout
                  namespace: shop-edge
                spec:
                  ports:
                    - port: 80
                """;

        HelmManifest parsed = HelmManifest.parse(manifest, "shop");

        assertThat(parsed.objects()).singleElement().extracting(o -> o.key().toString())
                .isEqualTo("Service shop-edge/checkout");
    }

    @Test
    void findsWhatARollbackDeletes() {
        HelmManifest v1 = HelmManifest.parse(HelmDemoChart.manifest("checkout", "v1.2.5"), "shop");
        HelmManifest v2 = HelmManifest.parse(HelmDemoChart.manifest("checkout", "v1.3.0"), "shop");

        assertThat(v2.missingFrom(v1)).extracting(ManifestObject::name)
                .containsExactly("checkout-feature-flags", "checkout-cache");
        assertThat(v1.missingFrom(v2)).isEmpty();
    }

    @Test
    void marksObjectsAsHelmDoes() {
        ManifestObject config = HelmManifest.parse(HelmDemoChart.manifest("checkout", "v1.2.5"), "shop").objects()
                .get(0);

        ObjectNode owned = HelmManifest.owned(config, "checkout", "shop");

        assertThat(owned.at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(HelmManifest.stringMap(owned.at("/metadata/labels")))
                .containsEntry("app.kubernetes.io/managed-by", "Helm")
                .containsEntry("helm.sh/chart", "checkout-v1.2.5");
        assertThat(HelmManifest.stringMap(owned.at("/metadata/annotations")))
                .containsEntry("meta.helm.sh/release-name", "checkout")
                .containsEntry("meta.helm.sh/release-namespace", "shop");
        assertThat(config.json().at("/metadata/annotations").isMissingNode()).as("the manifest object unchanged")
                .isTrue();
    }

    @Test
    void refusesAnObjectWithoutKindInHelmsWords() {
        assertThatThrownBy(() -> HelmManifest.parse("apiVersion: v1\nmetadata:\n  name: x\n", "shop"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unable to build kubernetes objects from release manifest: an object has no "
                        + "apiVersion, kind or metadata.name");
    }
}
