package dev.rewind.detector.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployedByTest {

    private static final String ANNOTATION = "rewind.dev/deployed-by";

    @Test
    void readsTheConfiguredAnnotationTrimmed() {
        assertThat(DeployedReleases.deployedBy(annotated(Map.of(ANNOTATION, " jane.dev ")), ANNOTATION))
                .isEqualTo("jane.dev");
        assertThat(DeployedReleases.deployedBy(annotated(Map.of("ci.example/author", "jane.dev")),
                "ci.example/author")).isEqualTo("jane.dev");
    }

    @Test
    void namesNobodyWhenTheAnnotationIsAbsentBlankOrNoUserName() {
        assertThat(DeployedReleases.deployedBy(annotated(null), ANNOTATION)).isNull();
        assertThat(DeployedReleases.deployedBy(annotated(Map.of("other", "jane.dev")), ANNOTATION)).isNull();
        assertThat(DeployedReleases.deployedBy(annotated(Map.of(ANNOTATION, "  ")), ANNOTATION)).isNull();
        assertThat(DeployedReleases.deployedBy(annotated(Map.of(ANNOTATION,
                "x".repeat(DeployedReleases.MAX_DEPLOYED_BY_LENGTH + 1))), ANNOTATION)).isNull();
    }

    private static Deployment annotated(Map<String, String> annotations) {
        return new DeploymentBuilder().withNewMetadata().withName("checkout").withNamespace("payments")
                .withAnnotations(annotations).endMetadata().build();
    }
}
