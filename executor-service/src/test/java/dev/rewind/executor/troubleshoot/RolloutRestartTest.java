package dev.rewind.executor.troubleshoot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl rollout restart's patch, applied here as the API server applies a JSON patch. */
class RolloutRestartTest {

    @Test
    void writesTheTimeInRfc3339ToTheSecondInUtc() {
        assertThat(RolloutRestart.timestamp(Instant.parse("2025-11-15T14:27:03.123456789Z")))
                .isEqualTo("2025-11-15T14:27:03Z");
        assertThat(RolloutRestart.timestamp(Instant.parse("2025-11-15T14:27:00Z")))
                .as("seconds written even when zero").isEqualTo("2025-11-15T14:27:00Z");
    }

    @Test
    void comparesTheResourceVersionFirstThenAddsTheAnnotationKeepingTheOthers() {
        Deployment deployment = Rollout.deployment().editSpec().editTemplate().editMetadata()
                .addToAnnotations("prometheus.io/scrape", "true").endMetadata().endTemplate().endSpec().build();

        JsonNode patch = json(RolloutRestart.patch(deployment, "2025-11-15T14:27:03Z"));

        assertThat(patch.get(0).toString())
                .isEqualTo("{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"42\"}");
        Deployment restarted = apply(patch, deployment);
        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsExactlyInAnyOrderEntriesOf(Map.of("prometheus.io/scrape", "true",
                        "kubectl.kubernetes.io/restartedAt", "2025-11-15T14:27:03Z"));
        assertThat(RolloutRestart.restartedAt(restarted)).contains("2025-11-15T14:27:03Z");
        restarted.getSpec().getTemplate().getMetadata().getAnnotations().clear();
        assertThat(restarted).as("nothing else changed").isEqualTo(withoutTemplateAnnotations(deployment));
    }

    @Test
    void createsTheAnnotationMapWhenThePodTemplateHasNone() {
        Deployment deployment = Rollout.deployment().build();

        Deployment restarted = apply(json(RolloutRestart.patch(deployment, "2025-11-15T14:27:03Z")), deployment);

        assertThat(restarted.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsExactly(Map.entry("kubectl.kubernetes.io/restartedAt", "2025-11-15T14:27:03Z"));
        assertThat(restarted.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", "checkout");
    }

    @Test
    void createsThePodTemplatesMetadataWhenItHasNone() {
        Deployment deployment = Rollout.deployment().editSpec().editTemplate().withMetadata(null).endTemplate()
                .endSpec().build();

        Deployment restarted = apply(json(RolloutRestart.patch(deployment, "2025-11-15T14:27:03Z")), deployment);

        assertThat(RolloutRestart.restartedAt(restarted)).contains("2025-11-15T14:27:03Z");
    }

    @Test
    void refusesAPausedDeploymentInKubectlsWords() {
        Deployment paused = Rollout.deployment().editSpec().withPaused(true).endSpec().build();

        assertThat(RolloutRestart.refusal(paused))
                .contains("can't restart paused deployment (run rollout resume first)");
        assertThat(RolloutRestart.refusal(Rollout.deployment().build())).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return Serialization.jsonMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Deployment apply(JsonNode patch, Deployment deployment) {
        JsonNode patched = JsonPatch.apply(patch, Serialization.jsonMapper().valueToTree(deployment));
        return Serialization.jsonMapper().convertValue(patched, Deployment.class);
    }

    private static Deployment withoutTemplateAnnotations(Deployment deployment) {
        Deployment copy = Serialization.clone(deployment);
        if (copy.getSpec().getTemplate().getMetadata().getAnnotations() != null) {
            copy.getSpec().getTemplate().getMetadata().getAnnotations().clear();
        }
        return copy;
    }
}
