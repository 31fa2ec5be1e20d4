package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pods of a paced sandbox: made, started and deleted with their ReplicaSets, and as their version misbehaves. */
class SimulatedPodsTest {

    private final PacedSandbox sandbox = PacedSandbox.faithful(1, true);

    @AfterEach
    void close() {
        sandbox.close();
    }

    @Test
    void aReplicaSetsPodsStartReadyAndGoWhenItIsScaledDown() {
        sandbox.deploy("cart", 2, "v1", d -> d);
        ReplicaSet v1 = sandbox.replicaSet("cart", "v1");
        assertThat(sandbox.pods("cart")).hasSize(2).allSatisfy(pod -> assertReadyPodOf(v1, pod));

        sandbox.release("cart", "v2", null);
        sandbox.tick();
        sandbox.tick();
        ReplicaSet v2 = sandbox.replicaSet("cart", "v2");
        Pod starting = podsOf(v2).get(0);
        assertThat(starting.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(starting.getStatus().getContainerStatuses()).singleElement().satisfies(c -> {
            assertThat(c.getReady()).isFalse();
            assertThat(c.getState().getWaiting().getReason()).isEqualTo("ContainerCreating");
        });
        sandbox.tickUntilSettled("cart");

        assertThat(sandbox.pods("cart")).hasSize(2).allSatisfy(pod -> assertReadyPodOf(v2, pod));
        assertThat(podsOf(v1)).isEmpty();
    }

    @Test
    void aCrashLoopingVersionsContainersWaitInCrashLoopBackOffRestartingAgainAndAgain() {
        sandbox.deploy("pay", 2, "v1", d -> d);
        sandbox.release("pay", "v2", SimulatedVersion.CRASH_LOOP.annotation());
        sandbox.tickUntilSettled("pay");
        Pod pod = podsOf(sandbox.replicaSet("pay", "v2")).get(0);

        ContainerStatus crashing = container(pod);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
        assertThat(crashing.getReady()).isFalse();
        assertThat(crashing.getRestartCount()).isZero();
        assertThat(crashing.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(crashing.getState().getWaiting().getMessage()).isEqualTo("back-off 10s restarting failed "
                + "container=app pod=" + pod.getMetadata().getName() + "_shop(" + pod.getMetadata().getUid() + ")");
        assertThat(crashing.getLastState().getTerminated().getExitCode()).isEqualTo(1);

        sandbox.clock.advance(Duration.ofSeconds(10));
        sandbox.tick();
        assertThat(container(sandbox.client().pods().resource(pod).get()).getRestartCount()).isEqualTo(1);
        sandbox.clock.advance(Duration.ofSeconds(20));
        sandbox.tick();
        ContainerStatus restarted = container(sandbox.client().pods().resource(pod).get());
        assertThat(restarted.getRestartCount()).isEqualTo(2);
        assertThat(restarted.getState().getWaiting().getMessage())
                .startsWith("back-off 40s restarting failed container=app");
    }

    @Test
    void anImageThatCannotBePulledLeavesItsPodsPendingInImagePullBackOff() {
        sandbox.deploy("search", 2, "v1", d -> d);
        sandbox.release("search", "v2", SimulatedVersion.IMAGE_PULL_BACKOFF.annotation());
        sandbox.tickUntilSettled("search");

        assertThat(podsOf(sandbox.replicaSet("search", "v2"))).singleElement().satisfies(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
            assertThat(container(pod).getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
            assertThat(container(pod).getState().getWaiting().getMessage())
                    .isEqualTo("Back-off pulling image \"registry.example/shop/search:v2\"");
        });
        assertThat(podsOf(sandbox.replicaSet("search", "v1"))).hasSize(2)
                .allSatisfy(pod -> assertThat(condition(pod, "Ready").getStatus()).isEqualTo("True"));
    }

    @Test
    void aVersionPastItsDeadlineRunsWithoutEverBecomingReady() {
        sandbox.deploy("ads", 2, "v1", d -> d);
        sandbox.release("ads", "v2", SimulatedVersion.NEVER_READY.annotation());
        sandbox.tickUntilSettled("ads");

        assertThat(podsOf(sandbox.replicaSet("ads", "v2"))).singleElement().satisfies(pod -> {
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(condition(pod, "Ready").getStatus()).isEqualTo("False");
            assertThat(condition(pod, "Ready").getReason()).isEqualTo("ContainersNotReady");
            assertThat(container(pod).getReady()).isFalse();
            assertThat(container(pod).getState().getRunning().getStartedAt()).isNotNull();
        });
    }

    private static void assertReadyPodOf(ReplicaSet replicaSet, Pod pod) {
        assertThat(pod.getMetadata().getName()).matches(replicaSet.getMetadata().getName() + "-[a-z0-9]{5}");
        assertThat(pod.getMetadata().getLabels()).containsEntry("app", "cart")
                .containsEntry(DeploymentRevisions.POD_TEMPLATE_HASH,
                        replicaSet.getMetadata().getLabels().get(DeploymentRevisions.POD_TEMPLATE_HASH));
        OwnerReference owner = pod.getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getKind()).isEqualTo("ReplicaSet");
        assertThat(owner.getUid()).isEqualTo(replicaSet.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
        assertThat(pod.getSpec().getContainers())
                .isEqualTo(replicaSet.getSpec().getTemplate().getSpec().getContainers());
        assertThat(pod.getSpec().getNodeName()).isEqualTo(SimulatedPods.NODE);
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(pod.getStatus().getStartTime()).isNotNull();
        assertThat(condition(pod, "Ready").getStatus()).isEqualTo("True");
        assertThat(container(pod).getReady()).isTrue();
        assertThat(container(pod).getState().getRunning().getStartedAt()).isNotNull();
    }

    private List<Pod> podsOf(ReplicaSet replicaSet) {
        return sandbox.client().pods().inNamespace(PacedSandbox.NAMESPACE).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> o.getUid().equals(replicaSet.getMetadata().getUid())))
                .toList();
    }

    private static ContainerStatus container(Pod pod) {
        return pod.getStatus().getContainerStatuses().get(0);
    }

    private static PodCondition condition(Pod pod, String type) {
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }
}
