package dev.rewind.executor.verification;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Whether a Deployment's pods are all Running and Ready, as many as it asks for ({@code kubectl get pods}). */
public final class PodReadiness {

    private PodReadiness() {
    }

    /**
     * Judges the Deployment's pods (those its selector matches). Pods being deleted are leaving and not counted. When
     * no pod is listed at all, the Deployment's status decides: an API server without a pod controller (the sandbox)
     * lists none, and then status.readyReplicas at least spec.replicas passes (more while it scales down).
     */
    public static CheckResult judge(String deployment, List<Pod> pods, int replicas, Integer statusReadyReplicas) {
        String name = PodsReadyCheck.NAME;
        List<Pod> current = pods.stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).toList();
        int ready = statusReadyReplicas == null ? 0 : statusReadyReplicas;
        if (current.isEmpty()) {
            if (replicas == 0) {
                return CheckResult.passed(name, "deployment " + deployment + " is scaled to 0 replicas and has no pods");
            }
            if (ready >= replicas) {
                return CheckResult.passed(name, "no pods of deployment " + deployment + " were listed; its status "
                        + "reports " + ready + "/" + replicas + " ready replicas");
            }
            return CheckResult.failed(name, "deployment " + deployment + " has no pods for its " + replicas
                    + " replicas (status: " + ready + " ready); see kubectl describe deployment and its ReplicaSets' "
                    + "events for why none were created");
        }
        List<String> problems = new ArrayList<>();
        for (Pod pod : current) {
            notReady(pod).ifPresent(reason -> problems.add("pod " + pod.getMetadata().getName() + " " + reason));
        }
        long readyPods = current.size() - problems.size();
        if (!problems.isEmpty()) {
            return CheckResult.failed(name, readyPods + "/" + current.size() + " pods of deployment " + deployment
                    + " are Running and Ready: " + String.join("; ", problems));
        }
        if (current.size() != replicas) {
            return CheckResult.failed(name, "deployment " + deployment + " has " + current.size() + " pods for "
                    + replicas + " replicas: " + (current.size() > replicas
                    ? "pods of an older ReplicaSet still run" : "pods are missing") + "; see kubectl get pods -l "
                    + "with its selector");
        }
        return CheckResult.passed(name, "all " + replicas + " pods of deployment " + deployment
                + " are Running and Ready");
    }

    /** Why {@code pod} is not Running and Ready, or empty when it is. */
    static Optional<String> notReady(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        List<String> containers = containerProblems(pod);
        if (!"Running".equals(phase)) {
            String reason = pod.getStatus() != null && pod.getStatus().getReason() != null
                    ? " (" + pod.getStatus().getReason() + ")" : "";
            String unscheduled = conditions(pod).stream()
                    .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                    .map(c -> ", not scheduled: " + c.getReason() + (c.getMessage() == null ? "" : " " + c.getMessage()))
                    .findFirst().orElse("");
            return Optional.of("is " + (phase == null ? "in no phase" : phase) + reason + unscheduled
                    + (containers.isEmpty() ? "" : ", " + String.join(", ", containers)));
        }
        boolean ready = conditions(pod).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (!ready) {
            return Optional.of("is Running but not Ready" + (containers.isEmpty()
                    ? " (its readiness probe fails)" : ": " + String.join(", ", containers)));
        }
        return Optional.empty();
    }

    private static List<PodCondition> conditions(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getConditions() == null ? List.of()
                : pod.getStatus().getConditions();
    }

    /** Containers waiting (CrashLoopBackOff, ImagePullBackOff...), terminated, or not ready, with their reasons. */
    private static List<String> containerProblems(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            var state = status.getState();
            String restarts = status.getRestartCount() == null || status.getRestartCount() == 0 ? ""
                    : ", " + status.getRestartCount() + " restarts";
            if (state != null && state.getWaiting() != null) {
                problems.add("container " + status.getName() + " waiting: " + state.getWaiting().getReason()
                        + message(state.getWaiting().getMessage()) + restarts);
            } else if (state != null && state.getTerminated() != null) {
                problems.add("container " + status.getName() + " terminated: " + state.getTerminated().getReason()
                        + " (exit code " + state.getTerminated().getExitCode() + ")" + restarts);
            } else if (!Objects.equals(Boolean.TRUE, status.getReady())) {
                problems.add("container " + status.getName() + " not ready" + restarts);
            }
        }
        return problems;
    }

    private static String message(String message) {
        return message == null || message.isBlank() ? "" : " (" + message + ")";
    }
}
