package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.time.Instant;
import java.util.Optional;

/**
 * What a sandbox pod's container logs, as {@code kubectl logs} would show it: a healthy version starts and listens; a
 * crash-looping one fails at start with an error; one that never gets ready waits on a dependency; one whose image
 * cannot be pulled has no logs yet (the API server refuses, as a real one does).
 */
final class PodLogs {

    /** Log text, or the reason the API server gives for having none. */
    record Answer(boolean available, String text) {
    }

    private PodLogs() {
    }

    /** The logs of {@code container} of {@code pod} (its first container when null). */
    static Answer of(Pod pod, String container) {
        Optional<Container> named = pod.getSpec().getContainers().stream()
                .filter(c -> container == null || c.getName().equals(container)).findFirst();
        if (named.isEmpty()) {
            return new Answer(false, "container " + container + " is not valid for pod " + pod.getMetadata().getName());
        }
        String name = named.get().getName();
        String image = named.get().getImage();
        // A pod carries its template's annotations, the simulated behaviour among them.
        SimulatedVersion version = SimulatedVersion.of(new PodTemplateSpecBuilder().withMetadata(pod.getMetadata())
                .build());
        if (version == SimulatedVersion.IMAGE_PULL_BACKOFF) {
            return new Answer(false, "container \"" + name + "\" in pod \"" + pod.getMetadata().getName()
                    + "\" is waiting to start: trying and failing to pull image");
        }
        if (waitingToStart(pod, name)) {
            return new Answer(false, "container \"" + name + "\" in pod \"" + pod.getMetadata().getName()
                    + "\" is waiting to start: ContainerCreating");
        }
        String at = startedAt(pod, name);
        String start = at + " INFO  starting " + image + " (container " + name + ")\n";
        return new Answer(true, switch (version) {
            case CRASH_LOOP -> start + at + " ERROR Application run failed: java.lang.IllegalStateException: "
                    + "required setting DATABASE_URL is missing\n";
            case NEVER_READY -> start + at + " WARN  readiness: dependency payments-api unreachable (connection "
                    + "refused); not ready\n";
            default -> start + at + " INFO  listening on :8080\n" + at + " INFO  ready\n";
        });
    }

    /** True while the container is being created: nothing has run yet, so there is nothing to read. */
    private static boolean waitingToStart(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false; // a pod written without statuses (a test's): its container is taken as running
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(status -> status.getName().equals(container)).findFirst()
                .map(status -> status.getState() != null && status.getState().getWaiting() != null
                        && "ContainerCreating".equals(status.getState().getWaiting().getReason()))
                .orElse(false);
    }

    private static String startedAt(Pod pod, String container) {
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
                if (status.getName().equals(container) && status.getState() != null
                        && status.getState().getRunning() != null
                        && status.getState().getRunning().getStartedAt() != null) {
                    return status.getState().getRunning().getStartedAt();
                }
            }
        }
        return pod.getMetadata().getCreationTimestamp() != null ? pod.getMetadata().getCreationTimestamp()
                : Instant.EPOCH.toString();
    }
}
