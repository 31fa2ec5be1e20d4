package dev.rewind.executor.verification;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The Warning events about a Deployment, its ReplicaSets and its pods since the rollback (runbook: kubectl get events). */
public final class WarningEvents {

    private static final int SHOWN = 5;

    /**
     * What the events may be about: the Deployment, its ReplicaSets, and pods by name or by their ReplicaSet's name
     * prefix ({@code <replicaset>-<suffix>}), so that pods already replaced count too.
     */
    public record Involved(String deployment, Set<String> replicaSets, Set<String> pods) {

        boolean about(ObjectReference object) {
            if (object == null || object.getKind() == null || object.getName() == null) {
                return false;
            }
            String name = object.getName();
            return switch (object.getKind()) {
                case "Deployment" -> name.equals(deployment);
                case "ReplicaSet" -> replicaSets.contains(name);
                case "Pod" -> pods.contains(name) || replicaSets.stream().anyMatch(rs -> name.startsWith(rs + "-"));
                default -> false;
            };
        }
    }

    private WarningEvents() {
    }

    /** The Warning events about {@code involved} last seen after {@code since}, newest first, without ignored reasons. */
    public static List<Event> since(Collection<Event> events, Involved involved, Instant since,
                                    Set<String> ignoredReasons) {
        return events.stream()
                .filter(event -> "Warning".equals(event.getType()))
                .filter(event -> involved.about(event.getInvolvedObject()))
                .filter(event -> !ignoredReasons.contains(String.valueOf(event.getReason())))
                .filter(event -> lastSeen(event).map(seen -> seen.isAfter(since)).orElse(false))
                .sorted(Comparator.comparing((Event event) -> lastSeen(event).orElseThrow()).reversed())
                .toList();
    }

    public static CheckResult judge(String namespace, String name, List<Event> warnings, Instant since) {
        String deployment = namespace + "/" + name;
        if (warnings.isEmpty()) {
            return CheckResult.passed(WarningEventsCheck.NAME, "no warning events about deployment " + deployment
                    + ", its ReplicaSets or pods since " + since);
        }
        List<String> shown = warnings.stream().limit(SHOWN).map(WarningEvents::describe).toList();
        return CheckResult.failed(WarningEventsCheck.NAME, warnings.size() + " warning event"
                + (warnings.size() == 1 ? "" : "s") + " about deployment " + deployment + " since " + since + ": "
                + String.join("; ", shown) + (warnings.size() > SHOWN ? "; ..." : "")
                + " (kubectl get events -n " + namespace + " --field-selector type=Warning)");
    }

    private static String describe(Event event) {
        ObjectReference object = event.getInvolvedObject();
        String count = event.getCount() == null || event.getCount() <= 1 ? "" : " (x" + event.getCount() + ")";
        return object.getKind() + "/" + object.getName() + " " + event.getReason() + ": "
                + (event.getMessage() == null ? "" : event.getMessage().strip()) + count;
    }

    /** When the event was last seen: the newest of its timestamps (core/v1 and events.k8s.io fields). */
    static Optional<Instant> lastSeen(Event event) {
        return Stream.of(
                        parse(event.getLastTimestamp()),
                        parse(micro(event.getEventTime())),
                        parse(event.getSeries() == null ? null : micro(event.getSeries().getLastObservedTime())),
                        parse(event.getFirstTimestamp()),
                        parse(event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
    }

    private static String micro(MicroTime time) {
        return time == null ? null : time.getTime();
    }

    private static Optional<Instant> parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(timestamp).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
