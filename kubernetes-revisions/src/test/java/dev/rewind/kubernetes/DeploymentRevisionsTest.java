package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Release;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRevisionsTest {

    @Test
    void theReleaseOfADeploymentIsItsRevisionAndEveryContainersImage() {
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName("checkout").addToAnnotations(DeploymentRevisions.REVISION, "7").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("checkout").withImage("registry.example/shop/checkout:v1.3.0").endContainer()
                .addNewContainer().withName("proxy").withImage("envoy:1.31").endContainer()
                .endSpec().endTemplate().endSpec().build();

        Release release = DeploymentRevisions.releaseOf(deployment);

        assertThat(release).isEqualTo(new Release(7, Map.of("checkout", "registry.example/shop/checkout:v1.3.0",
                "proxy", "envoy:1.31")));
        assertThat(release.toString()).isEqualTo(
                "revision 7 {checkout=registry.example/shop/checkout:v1.3.0, proxy=envoy:1.31}");
    }

    @Test
    void aReleaseDiffersWhenTheRevisionOrAnyImageDiffers() {
        Release bad = new Release(2, Map.of("checkout", "shop/checkout:v1.3.0"));

        assertThat(bad.sameAs(new Release(2, Map.of("checkout", "shop/checkout:v1.3.0")))).isTrue();
        assertThat(bad.sameAs(new Release(3, Map.of("checkout", "shop/checkout:v1.2.5")))).isFalse();
        assertThat(bad.sameAs(new Release(2, Map.of("checkout", "shop/checkout:v1.3.1")))).isFalse();
        assertThat(bad.sameAs(null)).isFalse();
    }
}
