package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The controllers' arithmetic on counts: fenceposts as Kubernetes rounds them, and rollouts step by step. */
class RolloutTest {

    @ParameterizedTest
    @CsvSource({"1, 1, 0", "2, 1, 0", "4, 1, 1", "10, 3, 2", "0, 0, 0"})
    void theDefaultFencepostsAreAQuarterSurgeRoundedUpAndAQuarterUnavailableRoundedDown(int replicas, int surge,
                                                                                         int unavailable) {
        assertThat(Fenceposts.of(new DeploymentSpecBuilder().withReplicas(replicas).build()))
                .isEqualTo(new Fenceposts(surge, unavailable));
    }

    @Test
    void givenFencepostsAreHonouredAndNeverBothZero() {
        assertThat(Fenceposts.of(rolling(10, new IntOrString(0), new IntOrString("50%"))))
                .isEqualTo(new Fenceposts(0, 5));
        assertThat(Fenceposts.of(rolling(3, new IntOrString(0), new IntOrString(0)))).isEqualTo(new Fenceposts(0, 1));
        assertThat(Fenceposts.of(new DeploymentSpecBuilder().withReplicas(3).withNewStrategy().withType("Recreate")
                .endStrategy().build())).isEqualTo(new Fenceposts(0, 0));
    }

    @Test
    void aHealthyRollingUpdateOfTwoReplicasSurgesByOneAndNeverDropsBelowTwoAvailable() {
        Rollout rollout = fromTwoOldReplicas();
        Fenceposts fenceposts = new Fenceposts(1, 0);

        List<Rollout> steps = new ArrayList<>();
        for (int i = 0; i < 10 && !(rollout.newReplicaSet().ready() == 2 && rollout.replicas() == 2); i++) {
            rollout = rollout.settled(name -> true).rollingStep(2, fenceposts);
            steps.add(rollout);
        }

        assertThat(steps).allSatisfy(step -> {
            assertThat(step.totalSpec()).isLessThanOrEqualTo(3);
            assertThat(step.available()).isGreaterThanOrEqualTo(2);
        });
        assertThat(rollout.newReplicaSet()).isEqualTo(new ReplicaSetCounts("new", 2, 2, 2));
        assertThat(rollout.old()).containsExactly(new ReplicaSetCounts("old", 0, 0, 0));
        assertThat(steps).hasSizeGreaterThan(3);
    }

    @Test
    void anUnhealthyOldReplicaSetIsScaledDownFirst() {
        Rollout rollout = new Rollout(new ReplicaSetCounts("v1", 2, 2, 2),
                List.of(new ReplicaSetCounts("broken", 1, 1, 0)));

        assertThat(rollout.rollingStep(2, new Fenceposts(1, 0)).old())
                .containsExactly(new ReplicaSetCounts("broken", 0, 1, 0));
    }

    @Test
    void aBrokenNewReplicaSetStopsTheRolloutWithTheOldPodsKept() {
        Rollout rollout = fromTwoOldReplicas();
        for (int i = 0; i < 10; i++) {
            rollout = rollout.settled(name -> name.equals("old")).rollingStep(2, new Fenceposts(1, 0));
        }

        assertThat(rollout.newReplicaSet()).isEqualTo(new ReplicaSetCounts("new", 1, 1, 0));
        assertThat(rollout.old()).containsExactly(new ReplicaSetCounts("old", 2, 2, 2));
    }

    @Test
    void aRecreateScalesTheOldDownAndStartsTheNewOnlyOnceTheirPodsAreGone() {
        Rollout rollout = fromTwoOldReplicas();

        Rollout first = rollout.settled(name -> true).recreateStep(2);
        assertThat(first.old()).containsExactly(new ReplicaSetCounts("old", 0, 2, 2));
        assertThat(first.newReplicaSet().spec()).isZero();
        Rollout second = first.settled(name -> true).recreateStep(2);
        assertThat(second.newReplicaSet().spec()).isEqualTo(2);
    }

    private static Rollout fromTwoOldReplicas() {
        return new Rollout(new ReplicaSetCounts("new", 0, 0, 0), List.of(new ReplicaSetCounts("old", 2, 2, 2)));
    }

    private static DeploymentSpec rolling(int replicas, IntOrString surge, IntOrString unavailable) {
        return new DeploymentSpecBuilder().withReplicas(replicas).withNewStrategy().withType("RollingUpdate")
                .withNewRollingUpdate().withMaxSurge(surge).withMaxUnavailable(unavailable).endRollingUpdate()
                .endStrategy().build();
    }
}
