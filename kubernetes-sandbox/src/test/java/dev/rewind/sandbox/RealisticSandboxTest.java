package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A faithful sandbox, its controllers running on their own: a broken release and its rollback, a Job, pods' logs (served
 * as a real API server serves them: text per container, or why there is none).
 */
class RealisticSandboxTest {

    private static KubernetesSandbox sandbox;

    @BeforeAll
    static void start() {
        // Steps of 50 ms, deadlines at 1/200 (600 s: 3 s), Jobs that run for 200 ms.
        sandbox = KubernetesSandbox.start(0, new SandboxRealism(true, Duration.ofMillis(50), 0.005, true, true,
                Duration.ofMillis(200)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aBrokenReleaseTimesOutAndItsRollbackRollsOutReadyPods() {
        sandbox.deployWithHistory("shop", "checkout", "registry.example/shop/checkout", List.of("v1", "v2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !PacedRollouts.inProgress(deployment()));
        sandbox.client().apps().deployments().inNamespace("shop").withName("checkout").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/shop/checkout:v3");
            d.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(SimulatedDeploymentController.SIMULATE,
                    SimulatedVersion.IMAGE_PULL_BACKOFF.annotation()));
            return d;
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(PacedRolloutTest.progressing(deployment())
                .getReason()).isEqualTo("ProgressDeadlineExceeded"));
        assertThat(pods()).extracting(RealisticSandboxTest::waitingReason).contains("ImagePullBackOff");

        sandbox.client().apps().deployments().inNamespace("shop").withName("checkout").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/shop/checkout:v2");
            d.getSpec().getTemplate().getMetadata().setAnnotations(Map.of());
            return d;
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Deployment rolledBack = deployment();
            assertThat(rolledBack.getStatus().getObservedGeneration())
                    .isEqualTo(rolledBack.getMetadata().getGeneration());
            assertThat(PacedRolloutTest.progressing(rolledBack).getReason()).isEqualTo("NewReplicaSetAvailable");
            assertThat(pods()).hasSize(2).allSatisfy(pod -> {
                assertThat(pod.getSpec().getContainers().get(0).getImage()).endsWith(":v2");
                assertThat(pod.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
            });
        });
    }

    @Test
    void aJobCreatedInTheSandboxCompletes() {
        sandbox.client().batch().v1().jobs().inNamespace("shop").resource(new JobBuilder()
                .withNewMetadata().withName("cart-migrate-1234abcd").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("migrate").withImage("registry.example/shop/cart:v1").endContainer()
                .endSpec().endTemplate().endSpec().build()).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Job job = sandbox.client().batch().v1().jobs().inNamespace("shop").withName("cart-migrate-1234abcd").get();
            assertThat(job.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Complete");
                assertThat(c.getStatus()).isEqualTo("True");
            });
        });
    }

    private static Deployment deployment() {
        return sandbox.client().apps().deployments().inNamespace("shop").withName("checkout").get();
    }

    private static String waitingReason(Pod pod) {
        var waiting = pod.getStatus().getContainerStatuses().get(0).getState().getWaiting();
        return waiting == null ? null : waiting.getReason();
    }

    private static List<Pod> pods() {
        return sandbox.client().pods().inNamespace("shop").withLabel("app", "checkout").list().getItems();
    }

    @Test
    void aHealthyPodLogsItsStartAndACrashLoopingOneItsError() {
        sandbox.deployWithHistory("logs", "healthy", "registry.example/shop/checkout", List.of("v1"));
        sandbox.deployWithHistory("logs", "crashing", "registry.example/shop/checkout", List.of("v1"));
        simulate("crashing", SimulatedVersion.CRASH_LOOP);

        String healthyPod = podOf("healthy", "v1").getMetadata().getName();
        String crashingPod = podOf("crashing", "v2").getMetadata().getName();

        // Logs once the containers started (a pod being created has none yet: 400, as from a real API server).
        String healthy = await().atMost(Duration.ofSeconds(20)).ignoreException(KubernetesClientException.class)
                .until(() -> sandbox.client().pods().inNamespace("logs").withName(healthyPod).inContainer("healthy")
                        .getLog(), log -> !log.isEmpty());
        assertThat(healthy).contains("INFO  starting registry.example/shop/checkout:v1 (container healthy)")
                .contains("listening on :8080").doesNotContain("ERROR");
        String crashing = await().atMost(Duration.ofSeconds(20)).ignoreException(KubernetesClientException.class)
                .until(() -> sandbox.client().pods().inNamespace("logs").withName(crashingPod).getLog(),
                        log -> !log.isEmpty());
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
