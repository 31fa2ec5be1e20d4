package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statuses a kubelet reports for a pod: starting (ContainerCreating), then Running and Ready, or as its
 * {@link SimulatedVersion} misbehaves: Running but not Ready, CrashLoopBackOff with a growing restart count, Pending
 * in ImagePullBackOff. Pure functions of the pod and the time.
 */
final class PodStatuses {

    /** The kubelet's first crash-loop back-off; it doubles after each restart, up to {@link #MAX_BACK_OFF}. */
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(10);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private static final String CONTAINER_CREATING = "ContainerCreating";

    private PodStatuses() {
    }

    /** A pod just scheduled: Pending, its containers being created. */
    static PodStatus starting(PodSpec spec, Instant now) {
        return notReady("Pending", spec, now, now,
                c -> waitingStatus(c, CONTAINER_CREATING, null, 0).build());
    }

    /** Whether {@code pod} still starts (its status is {@link #starting}'s). */
    static boolean isStarting(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getState() != null
                        && c.getState().getWaiting() != null
                        && CONTAINER_CREATING.equals(c.getState().getWaiting().getReason()));
    }

    /** The status of {@code pod} of a {@code version} once started, at {@code now}. */
    static PodStatus started(SimulatedVersion version, Pod pod, Instant now) {
        PodSpec spec = pod.getSpec();
        Instant since = startTime(pod, now);
        return switch (version) {
            case HEALTHY -> ready(spec, since, now);
            case NEVER_READY -> notReady("Running", spec, since, now, c -> runningStatus(c, now, false));
            case IMAGE_PULL_BACKOFF -> notReady("Pending", spec, since, now, c -> waitingStatus(c, "ImagePullBackOff",
                    "Back-off pulling image \"" + c.getImage() + "\"", 0).build());
            case CRASH_LOOP -> crashLooping(pod, since, now);
        };
    }

    /** Whether {@code pod}, started, reports less than it would now: a crash-looping container restarted since. */
    static boolean outdated(SimulatedVersion version, Pod pod, Instant now) {
        if (version != SimulatedVersion.CRASH_LOOP || pod.getStatus() == null
                || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        int restarts = restarts(startTime(pod, now), now);
        return pod.getStatus().getContainerStatuses().stream()
                .anyMatch(c -> c.getRestartCount() == null || c.getRestartCount() != restarts);
    }

    /** When {@code pod} started (its status.startTime), or {@code fallback}. */
    static Instant startTime(Pod pod, Instant fallback) {
        String text = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
        return text == null ? fallback : Instant.parse(text);
    }

    /** How many times a container crash-looping since {@code since} was restarted by {@code now}. */
    static int restarts(Instant since, Instant now) {
        int restarts = 0;
        Instant next = since.plus(backOff(0));
        while (!next.isAfter(now)) {
            restarts++;
            next = next.plus(backOff(restarts));
        }
        return restarts;
    }

    /** The back-off before restart number {@code restarts + 1}: 10 s, doubled after each restart, at most 5 min. */
    static Duration backOff(int restarts) {
        Duration backOff = FIRST_BACK_OFF.multipliedBy(1L << Math.min(restarts, 10));
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }

    /** A duration as Go prints it (10s, 1m20s, 5m0s), as in the kubelet's messages. */
    static String goDuration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
    }

    private static PodStatus ready(PodSpec spec, Instant since, Instant now) {
        return new PodStatusBuilder().withPhase("Running").withStartTime(since.toString())
                .withConditions(condition("PodScheduled", true, since), condition("Initialized", true, since),
                        condition("ContainersReady", true, now), condition("Ready", true, now))
                .withContainerStatuses(spec.getContainers().stream().map(c -> runningStatus(c, now, true)).toList())
                .build();
    }

    private static PodStatus crashLooping(Pod pod, Instant since, Instant now) {
        int restarts = restarts(since, now);
        Instant lastCrash = since;
        for (int i = 0; i < restarts; i++) {
            lastCrash = lastCrash.plus(backOff(i));
        }
        String crashedAt = lastCrash.toString();
        ContainerState terminated = new ContainerStateBuilder().withNewTerminated().withExitCode(1).withReason("Error")
                .withStartedAt(crashedAt).withFinishedAt(crashedAt).endTerminated().build();
        String podName = pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
                + pod.getMetadata().getUid() + ")";
        return notReady("Running", pod.getSpec(), since, now, c -> waitingStatus(c, "CrashLoopBackOff",
                "back-off " + goDuration(backOff(restarts)) + " restarting failed container=" + c.getName() + " pod="
                        + podName, restarts).withLastState(terminated).build());
    }

    private static PodStatus notReady(String phase, PodSpec spec, Instant since, Instant now,
                                      Function<Container, ContainerStatus> containerStatus) {
        String unready = "containers with unready status: ["
                + spec.getContainers().stream().map(Container::getName).collect(Collectors.joining(" ")) + "]";
        return new PodStatusBuilder().withPhase(phase).withStartTime(since.toString())
                .withConditions(condition("PodScheduled", true, since), condition("Initialized", true, since),
                        notReadyCondition("ContainersReady", unready, since),
                        notReadyCondition("Ready", unready, since))
                .withContainerStatuses(spec.getContainers().stream().map(containerStatus).toList())
                .build();
    }

    private static ContainerStatus runningStatus(Container container, Instant startedAt, boolean ready) {
        return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
                .withImageID("").withReady(ready).withStarted(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt(startedAt.toString()).endRunning().endState().build();
    }

    private static ContainerStatusBuilder waitingStatus(Container container, String reason, String message,
                                                        int restarts) {
        return new ContainerStatusBuilder().withName(container.getName()).withImage(container.getImage())
                .withImageID("").withReady(false).withStarted(false).withRestartCount(restarts)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState();
    }

    private static PodCondition condition(String type, boolean status, Instant since) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False")
                .withLastTransitionTime(since.toString()).build();
    }

    private static PodCondition notReadyCondition(String type, String message, Instant since) {
        return new PodConditionBuilder(condition(type, false, since)).withReason("ContainersNotReady")
                .withMessage(message).build();
    }
}
