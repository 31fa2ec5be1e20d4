package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodLogsTest {

    @Test
    void aRunningContainerLogsItsStartAndACrashingOneItsError() {
        assertThat(PodLogs.of(pod(Map.of(), "Running"), "app"))
                .isEqualTo(new PodLogs.Answer(true, """
                        2030-01-01T00:00:01Z INFO  starting registry.example/app:v2 (container app)
                        2030-01-01T00:00:01Z INFO  listening on :8080
                        2030-01-01T00:00:01Z INFO  ready
                        """));
        assertThat(PodLogs.of(pod(Map.of(SimulatedDeploymentController.SIMULATE, "crash-loop"), "Running"), null)
                .text()).contains("ERROR Application run failed");
    }

    @Test
    void aContainerNotStartedOrNotThereHasNoLogs() {
        assertThat(PodLogs.of(pod(Map.of(), "ContainerCreating"), "app")).isEqualTo(new PodLogs.Answer(false,
                "container \"app\" in pod \"app-x\" is waiting to start: ContainerCreating"));
        assertThat(PodLogs.of(pod(Map.of(SimulatedDeploymentController.SIMULATE, "image-pull-backoff"), "Running"),
                "app").available()).isFalse();
        assertThat(PodLogs.of(pod(Map.of(), "Running"), "sidecar"))
                .isEqualTo(new PodLogs.Answer(false, "container sidecar is not valid for pod app-x"));
    }

    /** Pod {@code app-x} whose container {@code app} is running since 00:00:01, or waiting for {@code state}. */
    private static Pod pod(Map<String, String> annotations, String state) {
        var status = new PodBuilder().withNewMetadata().withName("app-x").withAnnotations(annotations).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("registry.example/app:v2").endContainer()
                .endSpec().withNewStatus().addNewContainerStatus().withName("app").withNewState();
        var withState = state.equals("Running")
                ? status.withNewRunning().withStartedAt("2030-01-01T00:00:01Z").endRunning()
                : status.withNewWaiting().withReason(state).endWaiting();
        return withState.endState().endContainerStatus().endStatus().build();
    }
}
