package dev.rewind.postmortem.api;

import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the incident API. */
public final class IncidentViews {

    private IncidentViews() {
    }

    /** An incident in a list. */
    public record Summary(UUID id, Long number, String target, String severity, String status, String reason,
                          Instant openedAt, Instant updatedAt) {

        static Summary of(IncidentRecord incident) {
            return new Summary(incident.id, incident.number, incident.target,
                    incident.severity == null ? null : incident.severity.name(), incident.status.name(),
                    incident.reason, incident.openedAt, incident.updatedAt);
        }
    }

    /** One incident with its timeline. */
    public record Detail(UUID id, Long number, String target, String severity, String status, String reason,
                         Instant openedAt, Instant updatedAt, List<Entry> timeline) {

        static Detail of(IncidentRecord incident, List<TimelineEntryRecord> timeline) {
            Summary s = Summary.of(incident);
            return new Detail(s.id(), s.number(), s.target(), s.severity(), s.status(), s.reason(), s.openedAt(),
                    s.updatedAt(), timeline.stream().map(Entry::of).toList());
        }
    }

    /** One line of a timeline. */
    public record Entry(Instant occurredAt, String kind, String summary, String type, UUID eventId, String source) {

        static Entry of(TimelineEntryRecord entry) {
            return new Entry(entry.occurredAt, entry.kind, entry.summary, entry.eventType, entry.eventId,
                    entry.source);
        }
    }
}
