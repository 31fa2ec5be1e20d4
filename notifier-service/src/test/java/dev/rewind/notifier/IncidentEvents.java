package dev.rewind.notifier;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import java.util.Map;
import java.util.UUID;

/** The golden incident events, about a test's own incident and target, with the fields a test chooses changed. */
public final class IncidentEvents {

    private IncidentEvents() {
    }

    /** The fixture of {@code type} about {@code incident} on {@code target}, with {@code changes} (field to value). */
    public static <E extends IncidentEvent> E about(Class<E> type, UUID incident, TargetKey target,
                                                    Map<String, Object> changes) {
        return EventFixtures.about(type, incident, target, changes);
    }

    public static IncidentOpened opened(UUID incident, TargetKey target) {
        return about(IncidentOpened.class, incident, target, Map.of());
    }

    public static IncidentOpened opened(UUID incident, TargetKey target, Severity severity) {
        return about(IncidentOpened.class, incident, target, Map.of("severity", severity));
    }

    public static IncidentOpened opened(UUID incident, TargetKey target, long number) {
        return about(IncidentOpened.class, incident, target, Map.of("incidentNumber", number));
    }

    public static ApprovalGranted granted(UUID incident, TargetKey target) {
        return about(ApprovalGranted.class, incident, target, Map.of());
    }

    public static RollbackStarted started(UUID incident, TargetKey target) {
        return about(RollbackStarted.class, incident, target, Map.of());
    }

    public static RollbackFailed failed(UUID incident, TargetKey target) {
        return about(RollbackFailed.class, incident, target, Map.of());
    }

    public static RollbackSucceeded succeeded(UUID incident, TargetKey target) {
        return about(RollbackSucceeded.class, incident, target, Map.of());
    }

    public static IncidentEscalated escalated(UUID incident, TargetKey target, int level) {
        return about(IncidentEscalated.class, incident, target, Map.of("level", level));
    }
}
