package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's API server serves its pods' logs as a real one does: text per container, or why there is none. */
class PodLogsTest {

    private static KubernetesSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KubernetesSandbox.start(0, new SandboxRealism(true, Duration.ofMillis(50), 0.005, true, true,
                Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aHealthyPodLogsItsStartAndACrashLoopingOneItsError() {
        sandbox.deployWithHistory("logs", "healthy", "registry.example/shop/checkout", List.of("v1"));
        sandbox.deployWithHistory("logs", "crashing", "registry.example/shop/checkout", List.of("v1"));
        simulate("crashing", SimulatedVersion.CRASH_LOOP);

        String healthy = sandbox.client().pods().inNamespace("logs").withName(podOf("healthy", "v1").getMetadata()
                .getName()).inContainer("healthy").getLog();
        assertThat(healthy).contains("INFO  starting registry.example/shop/checkout:v1 (container healthy)")
                .contains("listening on :8080").doesNotContain("ERROR");
        String crashing = sandbox.client().pods().inNamespace("logs").withName(podOf("crashing", "v2").getMetadata()
                .getName()).getLog();
        assertThat(crashing).contains("ERROR Application run failed");
    }

    @Test
    void aPodWhoseImageCannotBePulledHasNoLogsAndAnUnknownPodIsNotFound() {
        sandbox.deployWithHistory("logs", "unpulled", "registry.example/shop/checkout", List.of("v1"));
        simulate("unpulled", SimulatedVersion.IMAGE_PULL_BACKOFF);
        String pod = podOf("unpulled", "v2").getMetadata().getName();

        assertThatThrownBy(() -> sandbox.client().pods().inNamespace("logs").withName(pod).getLog())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("is waiting to start: trying and failing to pull image");
                });
        assertThatThrownBy(() -> sandbox.client().pods().inNamespace("logs").withName("no-such-pod").getLog())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    /** Moves Deployment {@code name} to v2, whose pods behave as {@code version}. */
    private static void simulate(String name, SimulatedVersion version) {
        sandbox.client().apps().deployments().inNamespace("logs").withName(name).edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/shop/checkout:v2");
            d.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(SimulatedDeploymentController.SIMULATE,
                    version.annotation()));
            return d;
        });
    }

    private static Pod podOf(String deployment, String version) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.client().pods().inNamespace("logs").list()
                .getItems().stream()
                .filter(pod -> pod.getMetadata().getName().startsWith(deployment + "-")
                        && pod.getSpec().getContainers().get(0).getImage().endsWith(":" + version))
                .findFirst().orElse(null), pod -> pod != null);
    }
}
