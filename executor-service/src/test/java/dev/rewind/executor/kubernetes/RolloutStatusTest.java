package dev.rewind.executor.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class RolloutStatusTest {

    @Test
    void waitsUntilTheSpecUpdateIsObserved() {
        assertThat(RolloutStatus.of(deployment(3, 2, 2, 2, 2, null)))
                .isEqualTo(new RolloutStatus(false, false, "Waiting for deployment spec update to be observed..."));
    }

    @Test
    void waitsForUpdatedThenOldThenAvailableReplicas() {
        assertThat(RolloutStatus.of(deployment(2, 2, 1, 2, 1, null)).message())
                .endsWith("1 out of 2 new replicas have been updated...");
        assertThat(RolloutStatus.of(deployment(2, 2, 2, 3, 2, null)).message())
                .endsWith("1 old replicas are pending termination...");
        assertThat(RolloutStatus.of(deployment(2, 2, 2, 2, 1, null)).message())
                .endsWith("1 of 2 updated replicas are available...");
    }

    @Test
    void succeedsWhenAllReplicasAreUpdatedAndAvailable() {
        assertThat(RolloutStatus.of(deployment(2, 2, 2, 2, 2, "NewReplicaSetAvailable")))
                .isEqualTo(new RolloutStatus(true, false, "deployment \"checkout\" successfully rolled out"));
    }

    @Test
    void failsWhenTheProgressDeadlineIsExceeded() {
        assertThat(RolloutStatus.of(deployment(2, 2, 2, 2, 0, "ProgressDeadlineExceeded")))
                .isEqualTo(RolloutStatus.stuck("deployment \"checkout\" exceeded its progress deadline"));
    }

    private static Deployment deployment(long generation, long observed, int updated, int replicas, int available,
                                         String progressingReason) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withName("checkout").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(2).endSpec()
                .withNewStatus().withObservedGeneration(observed).withUpdatedReplicas(updated)
                .withReplicas(replicas).withAvailableReplicas(available).endStatus();
        if (progressingReason != null) {
            builder.editStatus().addNewCondition().withType("Progressing").withReason(progressingReason)
                    .endCondition().endStatus();
        }
        return builder.build();
    }
}
