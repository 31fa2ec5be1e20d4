package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Paced rollouts: status over time, the progress deadline, and a rollback after it, one step at a time. */
class PacedRolloutTest {

    private final PacedSandbox sandbox = PacedSandbox.faithful(0.5, false);

    @AfterEach
    void close() {
        sandbox.close();
    }

    @Test
    void aRollingUpdateMovesAReplicaAtATimeWithinItsSurgeAndUnavailability() {
        sandbox.deploy("cart", 4, "v1", d -> d);

        sandbox.release("cart", "v2", null);
        sandbox.tick();
        Deployment observed = sandbox.deployment("cart");
        assertThat(observed.getStatus().getObservedGeneration()).isEqualTo(observed.getMetadata().getGeneration());
        assertThat(observed.getStatus().getUpdatedReplicas()).isZero();
        assertThat(progressing(observed).getReason()).isEqualTo("NewReplicaSetCreated");

        List<Integer> updated = new java.util.ArrayList<>();
        for (Deployment step : sandbox.tickUntilSettled("cart")) {
            updated.add(step.getStatus().getUpdatedReplicas());
            // maxSurge 25% of 4 = 1 above, maxUnavailable 25% of 4 = 1 below.
            assertThat(step.getStatus().getAvailableReplicas()).isGreaterThanOrEqualTo(3);
            assertThat(step.getStatus().getReplicas()).isLessThanOrEqualTo(5);
            if (step.getStatus().getUpdatedReplicas() < 4) {
                assertThat(progressing(step).getReason()).isEqualTo("ReplicaSetUpdated");
                assertThat(progressing(step).getMessage())
                        .isEqualTo("ReplicaSet \"" + name(sandbox.replicaSet("cart", "v2")) + "\" is progressing.");
            }
        }
        assertThat(updated).isSorted().contains(1, 2, 3, 4);

        Deployment done = sandbox.deployment("cart");
        assertThat(done.getStatus().getReplicas()).isEqualTo(4);
        assertThat(done.getStatus().getUpdatedReplicas()).isEqualTo(4);
        assertThat(done.getStatus().getAvailableReplicas()).isEqualTo(4);
        assertThat(progressing(done).getStatus()).isEqualTo("True");
        assertThat(progressing(done).getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(progressing(done).getMessage())
                .isEqualTo("ReplicaSet \"" + name(sandbox.replicaSet("cart", "v2"))
                        + "\" has successfully progressed.");
        assertThat(condition(done, "Available").getStatus()).isEqualTo("True");
        ReplicaSet old = sandbox.replicaSet("cart", "v1");
        assertThat(old.getSpec().getReplicas()).isZero();
        assertThat(old.getStatus().getReplicas()).isZero();
        assertThat(done.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "2");
    }

    @Test
    void aRecreateDeploymentStopsEveryOldPodBeforeStartingNewOnes() {
        sandbox.deploy("batch", 2, "v1", d -> d.editSpec().withNewStrategy().withType("Recreate").endStrategy()
                .endSpec());

        sandbox.release("batch", "v2", null);
        List<Deployment> steps = sandbox.tickUntilSettled("batch");

        assertThat(steps).allSatisfy(step -> assertThat(step.getStatus().getUpdatedReplicas() == 0
                || step.getStatus().getReplicas().equals(step.getStatus().getUpdatedReplicas())).isTrue());
        assertThat(steps).anySatisfy(step -> assertThat(step.getStatus().getReplicas()).isZero());
        assertThat(steps.get(steps.size() - 1).getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(progressing(steps.get(steps.size() - 1)).getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void aBrokenVersionProgressesUntilItsScaledDeadlineThenTimesOut() {
        // progressDeadlineSeconds 60 at scale 0.5: 30 s after the last progress.
        sandbox.deploy("pay", 2, "v1", d -> d.editSpec().withProgressDeadlineSeconds(60).endSpec());

        sandbox.release("pay", "v2", SimulatedVersion.CRASH_LOOP.annotation());
        List<Deployment> steps = sandbox.tickUntilSettled("pay");
        Deployment stuck = steps.get(steps.size() - 1);
        DeploymentCondition lastProgress = progressing(stuck);
        assertThat(lastProgress.getStatus()).isEqualTo("True");
        assertThat(lastProgress.getReason()).isEqualTo("ReplicaSetUpdated");
        assertThat(stuck.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(stuck.getStatus().getAvailableReplicas()).isEqualTo(2);
        assertThat(condition(stuck, "Available").getStatus()).isEqualTo("True");

        sandbox.clock.advance(Duration.ofSeconds(29));
        sandbox.tick();
        assertThat(progressing(sandbox.deployment("pay"))).isEqualTo(lastProgress);

        sandbox.clock.advance(Duration.ofSeconds(1));
        sandbox.tick();
        Deployment timedOut = sandbox.deployment("pay");
        assertThat(progressing(timedOut).getStatus()).isEqualTo("False");
        assertThat(progressing(timedOut).getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(progressing(timedOut).getMessage())
                .isEqualTo("ReplicaSet \"" + name(sandbox.replicaSet("pay", "v2")) + "\" has timed out progressing.");
        assertThat(timedOut.getStatus().getObservedGeneration()).isEqualTo(timedOut.getMetadata().getGeneration());
    }

    @Test
    void aStuckRolloutWritesNothingMore() {
        sandbox.deploy("idle", 2, "v1", d -> d.editSpec().withProgressDeadlineSeconds(1).endSpec());
        sandbox.release("idle", "v2", SimulatedVersion.NEVER_READY.annotation());
        sandbox.tickUntilSettled("idle");
        sandbox.clock.advance(Duration.ofSeconds(1));
        sandbox.tick();
        assertThat(progressing(sandbox.deployment("idle")).getReason()).isEqualTo("ProgressDeadlineExceeded");
        Map<String, String> versions = resourceVersions("idle");

        for (int i = 0; i < 5; i++) {
            sandbox.tick();
        }

        assertThat(resourceVersions("idle")).isEqualTo(versions);
    }

    @Test
    void rollingBackATimedOutReleaseRecovers() {
        sandbox.deploy("search", 2, "v1", d -> d.editSpec().withProgressDeadlineSeconds(2).endSpec());
        sandbox.release("search", "v2", SimulatedVersion.IMAGE_PULL_BACKOFF.annotation());
        sandbox.tickUntilSettled("search");
        sandbox.clock.advance(Duration.ofSeconds(2));
        sandbox.tick();
        assertThat(progressing(sandbox.deployment("search")).getReason()).isEqualTo("ProgressDeadlineExceeded");

        sandbox.release("search", "v1", null);
        List<Deployment> steps = sandbox.tickUntilSettled("search");

        assertThat(steps).noneSatisfy(step -> assertThat(progressing(step).getReason())
                .isEqualTo("ProgressDeadlineExceeded"));
        Deployment recovered = steps.get(steps.size() - 1);
        assertThat(progressing(recovered).getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(recovered.getStatus().getReplicas()).isEqualTo(2);
        assertThat(recovered.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(recovered.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "3");
        assertThat(sandbox.replicaSet("search", "v2").getSpec().getReplicas()).isZero();
    }

    @Test
    void aHeldRolloutMakesItsReplicaSetButScalesNothingUntilReleased() throws Exception {
        sandbox.deploy("slow", 2, "v1", d -> d);
        AutoCloseable hold = sandbox.controller.holdRollouts(PacedSandbox.NAMESPACE, "slow");

        sandbox.release("slow", "v2", null);
        sandbox.tick();
        sandbox.tick();
        assertThat(sandbox.deployment("slow").getStatus().getUpdatedReplicas()).isZero();
        assertThat(sandbox.replicaSet("slow", "v2").getSpec().getReplicas()).isZero();

        hold.close();
        List<Deployment> steps = sandbox.tickUntilSettled("slow");
        assertThat(steps.get(steps.size() - 1).getStatus().getUpdatedReplicas()).isEqualTo(2);
    }

    private Map<String, String> resourceVersions(String name) {
        List<HasMetadata> objects = new java.util.ArrayList<>();
        objects.add(sandbox.deployment(name));
        objects.addAll(sandbox.replicaSets(name));
        objects.addAll(sandbox.pods(name));
        return objects.stream().collect(Collectors.toMap(o -> o.getKind() + "/" + o.getMetadata().getName(),
                o -> o.getMetadata().getResourceVersion()));
    }

    static DeploymentCondition progressing(Deployment deployment) {
        return condition(deployment, "Progressing");
    }

    static DeploymentCondition condition(Deployment deployment, String type) {
        return deployment.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + deployment.getStatus()));
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }
}
