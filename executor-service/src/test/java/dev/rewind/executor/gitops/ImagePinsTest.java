package dev.rewind.executor.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.domain.MethodUnavailable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last good images pinned in Git where the bad ones were, text otherwise untouched. */
class ImagePinsTest {

    private static final Map<String, String> BAD = Map.of("checkout", "registry.example/shop/checkout:v1.3.0");
    private static final Map<String, String> GOOD = Map.of("checkout", "registry.example/shop/checkout:v1.2.5");

    @Test
    void aWholeReferenceInAManifestIsReplacedAndNothingElse() {
        String manifest = """
                spec:
                  containers:
                    - name: checkout
                      image: registry.example/shop/checkout:v1.3.0   # bumped by CI
                    - name: sidecar
                      image: registry.example/shop/checkout:v1.3.0-debug
                """;

        Map<String, String> changed = ImagePins.pin(Map.of("apps/checkout.yaml", manifest, "README.md", "hi"), BAD,
                GOOD);

        assertThat(changed).containsOnlyKeys("apps/checkout.yaml");
        assertThat(changed.get("apps/checkout.yaml"))
                .contains("image: registry.example/shop/checkout:v1.2.5   # bumped by CI")
                .contains("image: registry.example/shop/checkout:v1.3.0-debug");
    }

    @Test
    void aKustomizeNewTagBesideTheImagesNameIsReplaced() {
        String kustomization = """
                images:
                  - name: registry.example/shop/checkout
                    newTag: "v1.3.0"
                """;

        Map<String, String> changed = ImagePins.pin(Map.of("apps/kustomization.yaml", kustomization), BAD, GOOD);

        assertThat(changed.get("apps/kustomization.yaml")).contains("newTag: \"v1.2.5\"").doesNotContain("v1.3.0");
    }

    @Test
    void anImagePinnedNowhereOrItsTagInSeveralFilesIsNotGuessed() {
        assertThatThrownBy(() -> ImagePins.pin(Map.of("a.yaml", "image: other:v1"), BAD, GOOD))
                .isInstanceOf(MethodUnavailable.class)
                .hasMessageStartingWith("no file pins image registry.example/shop/checkout:v1.3.0 (container checkout)");
        String values = "image:\n  repository: registry.example/shop/checkout\n  tag: v1.3.0\n";
        assertThatThrownBy(() -> ImagePins.pin(Map.of("staging.yaml", values, "production.yaml", values), BAD, GOOD))
                .isInstanceOf(MethodUnavailable.class).hasMessageContaining("in several files");
    }

    @Test
    void aReferencePinnedInSeveralFilesOrUnderAnImageAutomationIsNotChanged() {
        String manifest = "image: registry.example/shop/checkout:v1.3.0\n";
        assertThatThrownBy(() -> ImagePins.pin(Map.of("staging/a.yaml", manifest, "production/a.yaml", manifest), BAD,
                GOOD)).isInstanceOf(MethodUnavailable.class).hasMessageContaining("pinned in several files");
        String automated = "image: registry.example/shop/checkout:v1.3.0 # {\"$imagepolicy\": \"flux-system:checkout\"}\n";
        assertThatThrownBy(() -> ImagePins.pin(Map.of("a.yaml", automated), BAD, GOOD))
                .isInstanceOf(MethodUnavailable.class).hasMessageContaining("image automation");
    }

    @Test
    void namesAndTagsAreReadAsDockerReadsThem() {
        assertThat(ImagePins.nameOf("registry:5000/shop/checkout:v1")).isEqualTo("registry:5000/shop/checkout");
        assertThat(ImagePins.tagOf("registry:5000/shop/checkout")).isNull();
        assertThat(ImagePins.tagOf("shop/checkout@sha256:abc")).isNull();
    }
}
