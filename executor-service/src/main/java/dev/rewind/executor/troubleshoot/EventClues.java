package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recent Warning events about the objects of a rollout, told once per reason and message with how often they
 * happened (kubectl describe's Events). Events filtered here, not by the API server: the fabric8 mock's
 * involvedObject field selectors match nothing.
 */
final class EventClues {

    /** An object events can be about, as an event's involvedObject names it. */
    record About(String kind, String name) {
    }

    private EventClues() {
    }

    /** The namespace's Warning events last seen within {@code window} before {@code now}. */
    static List<Event> recentWarnings(List<Event> events, Instant now, Duration window) {
        Instant since = now.minus(window);
        return events.stream().filter(e -> "Warning".equals(e.getType()))
                .filter(e -> !EventTimes.lastSeen(e).isBefore(since)).toList();
    }

    /**
     * One clue per reason and message of the {@code warnings} about {@code about}, most recently seen first, leaving
     * out the messages {@code told} (earlier clues) already quote.
     */
    static List<Clue> of(List<Event> warnings, Set<About> about, List<Clue> told) {
        Map<String, List<Event>> byReasonAndMessage = new LinkedHashMap<>();
        warnings.stream().filter(e -> about.contains(aboutOf(e.getInvolvedObject())))
                .sorted(Comparator.comparing(EventTimes::lastSeen).reversed())
                .forEach(e -> byReasonAndMessage.computeIfAbsent(e.getReason() + "\n" + e.getMessage(),
                        k -> new ArrayList<>()).add(e));
        List<Clue> clues = new ArrayList<>();
        for (List<Event> same : byReasonAndMessage.values()) {
            Event latest = same.get(0);
            String message = latest.getMessage() == null ? "" : latest.getMessage().strip();
            if (!message.isEmpty() && told.stream().anyMatch(c -> c.words().contains(message))) {
                continue;
            }
            int count = same.stream().mapToInt(EventTimes::count).sum();
            Set<String> subjects = new TreeSet<>();
            same.forEach(e -> subjects.add(subjectOf(e.getInvolvedObject())));
            clues.add(new Clue(Finding.Kind.WARNING_EVENT, Subjects.merge(List.copyOf(subjects)),
                    latest.getReason() + ": " + message + (count > 1 ? " (" + count + " times)" : ""),
                    advice(latest)));
        }
        return clues;
    }

    private static String advice(Event event) {
        String reason = event.getReason() == null ? "" : event.getReason();
        return switch (reason) {
            case "FailedMount", "FailedAttachVolume" -> "A volume cannot be mounted: check the claim, Secret or "
                    + "ConfigMap it names (kubectl describe pod).";
            case "FailedCreate" -> "The ReplicaSet cannot create pods: check the namespace's ResourceQuota and "
                    + "LimitRange and the admission webhooks.";
            case "FailedScheduling" -> "Pods cannot be placed: look at the nodes' free capacity, taints and labels "
                    + "(kubectl describe nodes).";
            case "Unhealthy" -> "A probe fails: check what it calls (path, port, timeout) and the application's logs.";
            case "BackOff" -> "A container keeps failing: kubectl describe pod, and kubectl logs --previous.";
            case "ProvisioningFailed" -> "The volume cannot be provisioned: check the StorageClass and its "
                    + "provisioner.";
            case "SyncLoadBalancerFailed" -> "The load balancer cannot be set up: check the cloud controller's events "
                    + "and quota, and the Service's annotations.";
            default -> "For the whole story: kubectl describe " + event.getInvolvedObject().getKind()
                    .toLowerCase(Locale.ROOT) + " " + event.getInvolvedObject().getName() + ".";
        };
    }

    private static About aboutOf(ObjectReference object) {
        return object == null ? null : new About(object.getKind(), object.getName());
    }

    private static String subjectOf(ObjectReference object) {
        return object.getKind().toLowerCase(Locale.ROOT) + " " + object.getName();
    }
}
