package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the Deployment's pods say: containers waiting to pull or create or crash-looping, pods the scheduler cannot
 * place, evictions, and containers running but failing readiness (kubectl describe pods).
 */
final class PodClues {

    private static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull", "RegistryUnavailable", "SignatureValidationFailed");
    private static final Set<String> CONTAINER_CONFIG = Set.of("CreateContainerConfigError", "CreateContainerError",
            "RunContainerError", "PreCreateHookError", "PostStartHookError", "PreStartHookError");
    private static final String CRASH_LOOP = "CrashLoopBackOff";
    private static final int SIGKILL = 137;

    private PodClues() {
    }

    /** The clues of {@code pods} (the Deployment's, not terminating); {@code warnings}: recent Warning events. */
    static List<Clue> of(List<Pod> pods, List<Event> warnings) {
        List<Clue> clues = new ArrayList<>();
        for (Pod pod : pods) {
            PodStatus status = pod.getStatus();
            if (status == null || pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            String subject = "pod " + pod.getMetadata().getName();
            if ("Evicted".equals(status.getReason())) {
                clues.add(new Clue(Finding.Kind.NODE_PRESSURE, subject, "evicted: " + status.getMessage(),
                        "Its node ran short of memory, disk or PIDs: free capacity there (kubectl describe node "
                                + pod.getSpec().getNodeName() + ") or lower the pod's usage."));
                continue;
            }
            List<Clue> containers = containerClues(subject, status);
            if (!containers.isEmpty()) {
                clues.addAll(containers);
                continue;
            }
            Optional<PodCondition> unschedulable = condition(status, "PodScheduled")
                    .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
            if (unschedulable.isPresent()) {
                String message = unschedulable.get().getMessage();
                clues.add(new Clue(Finding.Kind.UNSCHEDULABLE, subject, "Unschedulable: " + message,
                        schedulingAdvice(message)));
                continue;
            }
            clues.addAll(readinessClues(pod, subject, status, warnings));
        }
        return clues;
    }

    private static List<Clue> containerClues(String subject, PodStatus status) {
        List<Clue> clues = new ArrayList<>();
        List<ContainerStatus> all = new ArrayList<>();
        all.addAll(orEmpty(status.getInitContainerStatuses()));
        all.addAll(orEmpty(status.getContainerStatuses()));
        for (ContainerStatus container : all) {
            String name = "container " + container.getName();
            ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
            String reason = waiting == null || waiting.getReason() == null ? "" : waiting.getReason();
            if (IMAGE_PULL.contains(reason)) {
                clues.add(new Clue(Finding.Kind.IMAGE_PULL, subject, name + ": " + said(reason, waiting.getMessage()),
                        "Check that image " + container.getImage() + " exists with that tag and that the pod's "
                                + "imagePullSecrets may pull it."));
            } else if (CONTAINER_CONFIG.contains(reason)) {
                clues.add(new Clue(Finding.Kind.CONTAINER_CONFIG, subject,
                        name + ": " + said(reason, waiting.getMessage()),
                        "It cannot be created as configured: create the Secret or ConfigMap it names, or fix its env, "
                                + "volumes or command."));
            } else if (CRASH_LOOP.equals(reason) || restartedAndNotReady(container)) {
                clues.add(crashClue(subject, container));
            }
        }
        return clues;
    }

    /** Between two back-offs a crash-looping container runs for a moment: its last termination still tells. */
    private static boolean restartedAndNotReady(ContainerStatus container) {
        return !Boolean.TRUE.equals(container.getReady()) && container.getRestartCount() != null
                && container.getRestartCount() > 0 && lastTermination(container) != null;
    }

    private static Clue crashClue(String subject, ContainerStatus container) {
        ContainerStateTerminated last = lastTermination(container);
        String words = "container " + container.getName() + " keeps crashing (CrashLoopBackOff)";
        String advice = "Read why it exits (kubectl logs --previous -c " + container.getName()
                + " on the pod) and fix it, or roll back further.";
        if (last != null) {
            words += ", last terminated with " + (last.getReason() == null ? "" : last.getReason() + ", ")
                    + "exit code " + last.getExitCode()
                    + (isBlank(last.getMessage()) ? "" : ": " + last.getMessage().strip());
            if ("OOMKilled".equals(last.getReason())) {
                advice = "It ran out of memory: raise its memory limit or find what grew (kubectl logs --previous -c "
                        + container.getName() + " on the pod).";
            } else if (last.getExitCode() != null && last.getExitCode() == SIGKILL) {
                advice = "It was killed (SIGKILL), often for a failing liveness probe: see the pod's events and "
                        + "kubectl logs --previous -c " + container.getName() + " on the pod.";
            }
        }
        return new Clue(Finding.Kind.CRASH_LOOP, subject, words, advice);
    }

    private static List<Clue> readinessClues(Pod pod, String subject, PodStatus status, List<Event> warnings) {
        boolean notReady = condition(status, "Ready")
                .filter(c -> "False".equals(c.getStatus()) && "ContainersNotReady".equals(c.getReason())).isPresent();
        if (!notReady || !"Running".equals(status.getPhase())) {
            return List.of();
        }
        String probe = latestReadinessFailure(pod, warnings).map(m -> ": " + m.strip()).orElse("");
        List<Clue> clues = new ArrayList<>();
        for (ContainerStatus container : orEmpty(status.getContainerStatuses())) {
            ContainerState state = container.getState();
            if (!Boolean.TRUE.equals(container.getReady()) && state != null && state.getRunning() != null) {
                clues.add(new Clue(Finding.Kind.READINESS, subject,
                        "container " + container.getName() + " runs but is not ready" + probe,
                        "Its readiness probe fails, so it gets no traffic and the rollout cannot progress: check what "
                                + "the probe calls (path, port, timeout) and the application's start-up logs."));
            }
        }
        return clues;
    }

    private static Optional<String> latestReadinessFailure(Pod pod, List<Event> warnings) {
        return warnings.stream()
                .filter(e -> e.getInvolvedObject() != null && "Pod".equals(e.getInvolvedObject().getKind())
                        && pod.getMetadata().getName().equals(e.getInvolvedObject().getName())
                        && "Unhealthy".equals(e.getReason()) && e.getMessage() != null
                        && e.getMessage().startsWith("Readiness probe failed"))
                .max(Comparator.comparing(EventTimes::lastSeen))
                .map(Event::getMessage);
    }

    private static String schedulingAdvice(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("insufficient") || text.contains("too many pods")) {
            return "Resource constraints: no node has the CPU or memory the pod requests; lower its requests, add "
                    + "nodes or free capacity (kubectl describe nodes).";
        }
        if (text.contains("persistentvolumeclaim") || text.contains("volume node affinity")) {
            return "It waits for its volume: see the volume claim (kubectl describe pvc).";
        }
        if (text.contains("taint")) {
            return "The nodes carry taints it does not tolerate: add a toleration or free an untainted node.";
        }
        if (text.contains("affinity") || text.contains("selector")) {
            return "No node matches its nodeSelector or affinity: fix them, or label a node to match.";
        }
        return "Look at the nodes' capacity, taints and labels (kubectl describe nodes).";
    }

    static Optional<PodCondition> condition(PodStatus status, String type) {
        return orEmpty(status.getConditions()).stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static ContainerStateTerminated lastTermination(ContainerStatus container) {
        return container.getLastState() == null ? null : container.getLastState().getTerminated();
    }

    private static String said(String reason, String message) {
        return isBlank(message) ? reason : reason + ": " + message.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
