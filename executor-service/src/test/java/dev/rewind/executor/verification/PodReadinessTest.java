package dev.rewind.executor.verification;

import static dev.rewind.executor.verification.ClusterObjects.crashLooping;
import static dev.rewind.executor.verification.ClusterObjects.running;
import static dev.rewind.executor.verification.ClusterObjects.unschedulable;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodReadinessTest {

    private static final String DEPLOYMENT = "shop/checkout";

    @Test
    void passesWhenEveryPodIsRunningAndReadyAndThereAreAsManyAsReplicas() {
        CheckResult result = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(true)), pod("b", running(true))),
                2, 2);

        assertThat(result).isEqualTo(CheckResult.passed("pods-ready",
                "all 2 pods of deployment shop/checkout are Running and Ready"));
    }

    @Test
    void namesTheCrashingContainerAndItsReason() {
        CheckResult result = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(true)), pod("b", crashLooping())),
                2, 1);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).isEqualTo("1/2 pods of deployment shop/checkout are Running and Ready: pod b is "
                + "Running but not Ready: container app waiting: CrashLoopBackOff (back-off 2m40s restarting failed "
                + "container), 4 restarts");
    }

    @Test
    void saysWhyAPendingPodIsNotScheduled() {
        CheckResult result = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", unschedulable())), 1, 0);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("pod a is Pending, not scheduled: Unschedulable 0/3 nodes are available: "
                + "3 Insufficient memory.");
    }

    @Test
    void aRunningPodWhoseReadinessProbeFailsIsNotReady() {
        CheckResult result = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(false))), 1, 0);

        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("pod a is Running but not Ready: container app not ready");
    }

    @Test
    void failsWhenThereAreMoreOrFewerPodsThanReplicas() {
        CheckResult more = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(true)), pod("b", running(true)),
                pod("c", running(true))), 2, 2);
        CheckResult fewer = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(true))), 2, 2);

        assertThat(more.passed()).isFalse();
        assertThat(more.detail()).contains("has 3 pods for 2 replicas: pods of an older ReplicaSet still run");
        assertThat(fewer.passed()).isFalse();
        assertThat(fewer.detail()).contains("has 1 pods for 2 replicas: pods are missing");
    }

    @Test
    void podsBeingDeletedAreLeavingAndNotCounted() {
        Pod leaving = pod("old", crashLooping());
        leaving.getMetadata().setDeletionTimestamp(Instant.now().toString());

        CheckResult result = PodReadiness.judge(DEPLOYMENT, List.of(pod("a", running(true)), leaving), 1, 1);

        assertThat(result.passed()).isTrue();
    }

    @Test
    void withoutListedPodsTheDeploymentStatusDecides() {
        CheckResult ready = PodReadiness.judge(DEPLOYMENT, List.of(), 2, 2);
        CheckResult notReady = PodReadiness.judge(DEPLOYMENT, List.of(), 2, 0);
        CheckResult noStatus = PodReadiness.judge(DEPLOYMENT, List.of(), 2, null);
        CheckResult scaledDown = PodReadiness.judge(DEPLOYMENT, List.of(), 0, null);
        CheckResult scalingDown = PodReadiness.judge(DEPLOYMENT, List.of(), 2, 3);

        assertThat(ready).isEqualTo(CheckResult.passed("pods-ready", "no pods of deployment shop/checkout were "
                + "listed; its status reports 2/2 ready replicas"));
        assertThat(notReady.passed()).isFalse();
        assertThat(notReady.detail()).startsWith("deployment shop/checkout has no pods for its 2 replicas (status: 0 "
                + "ready)");
        assertThat(noStatus.passed()).isFalse();
        assertThat(scaledDown.passed()).isTrue();
        assertThat(scalingDown.passed()).as("more ready than wanted while an autoscaler scales down").isTrue();
    }

    private static Pod pod(String name, PodStatus status) {
        return ClusterObjects.pod("shop", name, "checkout", Instant.now(), status);
    }
}
