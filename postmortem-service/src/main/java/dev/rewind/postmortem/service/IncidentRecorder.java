package dev.rewind.postmortem.service;

import dev.rewind.events.EventJson;
import dev.rewind.events.IncidentScoped;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.domain.TimelineText;
import dev.rewind.postmortem.metrics.PostmortemMetrics;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records each event of an incident (lifecycle events and its rollback request) in its timeline, then folds the
 * timeline again into the incident's row: a late, re-sent or out-of-order event lands in its place.
 */
@ApplicationScoped
public class IncidentRecorder {

    private final IncidentReader reader;
    private final Clock clock;
    private final Event<IncidentRecorded> recorded;
    private final PostmortemMetrics metrics;

    @Inject
    public IncidentRecorder(IncidentReader reader, Clock clock, Event<IncidentRecorded> recorded,
                            PostmortemMetrics metrics) {
        this.reader = reader;
        this.clock = clock;
        this.recorded = recorded;
        this.metrics = metrics;
    }

    /** Records one delivered event, in the consumer's transaction; a duplicate (same event id) changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Delivery<? extends IncidentScoped> delivery) {
        IncidentScoped event = delivery.event();
        if (TimelineEntryRecord.count("eventId", delivery.id()) > 0) {
            return;
        }
        IncidentRecord row = IncidentRecord.lockedOrCreated(event.incidentId(), event.target(), event.occurredAt());
        TimelineText.Line line = TimelineText.of(event);
        TimelineEntryRecord entry = new TimelineEntryRecord();
        entry.eventId = delivery.id();
        entry.incidentId = row.id;
        entry.kind = line.kind();
        entry.eventType = delivery.type();
        entry.occurredAt = event.occurredAt();
        entry.summary = line.summary();
        entry.source = delivery.source();
        entry.payload = EventJson.write(event);
        entry.persist();
        TimelineEntryRecord.flush();
        List<TimelineEntryRecord> timeline = TimelineEntryRecord.of(row.id);
        Incident incident = reader.fold(row.id, timeline, Instant.now(clock));
        if (IncidentReader.isLegacy(timeline)) {
            updateLegacy(row, incident, event);
        } else {
            update(row, incident, event.occurredAt());
        }
        recorded.fire(new IncidentRecorded(incident));
        metrics.recorded(event, incident);
    }

    /**
     * An incident recorded partly before version 0.4 has events the fold cannot see: its row moves by the new event
     * alone, as it did then, and keeps what the fold does not know.
     */
    private static void updateLegacy(IncidentRecord row, Incident incident, IncidentScoped event) {
        row.status = event instanceof IncidentEvent lifecycle
                ? IncidentStatus.after(lifecycle).orElse(row.status) : row.status;
        Incident.Times times = incident.times();
        row.rollbackStartedAt = times.rollbackStartedAt() != null ? times.rollbackStartedAt() : row.rollbackStartedAt;
        row.rollbackCompletedAt = times.rollbackCompletedAt() != null ? times.rollbackCompletedAt()
                : row.rollbackCompletedAt;
        row.recoveredAt = times.recoveredAt() != null ? times.recoveredAt() : row.recoveredAt;
        row.closedAt = row.status.isFinal() && row.closedAt == null ? event.occurredAt() : row.closedAt;
        if (event.occurredAt().isAfter(row.updatedAt)) {
            row.updatedAt = event.occurredAt();
        }
    }

    private static void update(IncidentRecord row, Incident incident, Instant eventAt) {
        row.number = incident.number() != null ? incident.number() : row.number;
        row.severity = incident.severity() != null ? incident.severity() : row.severity;
        row.signal = incident.signal() != null ? incident.signal() : row.signal;
        row.reason = incident.reason() != null ? incident.reason() : row.reason;
        row.status = incident.status();
        Incident.Times times = incident.times();
        row.openedAt = times.detectedAt() != null ? times.detectedAt() : row.openedAt;
        row.rollbackStartedAt = times.rollbackStartedAt();
        row.rollbackCompletedAt = times.rollbackCompletedAt();
        row.recoveredAt = times.recoveredAt();
        row.closedAt = times.closedAt();
        row.timeToRollbackMs = incident.durations().toRollBack() == null ? null
                : incident.durations().toRollBack().toMillis();
        row.deadlineAt = incident.deadline().dueAt();
        if (eventAt.isAfter(row.updatedAt)) {
            row.updatedAt = eventAt;
        }
    }
}
