package dev.rewind.postmortem.service;

import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.domain.TimelineText;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records each lifecycle event in its incident's timeline and keeps the incident's status current. */
@ApplicationScoped
public class IncidentRecorder {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Delivery<IncidentEvent> delivery) {
        IncidentEvent event = delivery.event();
        IncidentRecord incident = IncidentRecord.findById(event.incidentId());
        if (incident == null) {
            incident = new IncidentRecord();
            incident.id = event.incidentId();
            incident.target = event.target().toString();
            incident.status = IncidentStatus.OPEN;
            incident.openedAt = event.occurredAt();
            incident.updatedAt = event.occurredAt();
            incident.persist();
        }
        if (event instanceof IncidentOpened opened) {
            incident.number = opened.incidentNumber();
            incident.severity = opened.severity();
            incident.reason = opened.reason();
            incident.openedAt = opened.occurredAt();
        }
        incident.status = IncidentStatus.after(event).orElse(incident.status);
        if (event.occurredAt().isAfter(incident.updatedAt)) {
            incident.updatedAt = event.occurredAt();
        }
        TimelineText.Line line = TimelineText.of(event);
        TimelineEntryRecord entry = new TimelineEntryRecord();
        entry.eventId = delivery.id();
        entry.incidentId = incident.id;
        entry.kind = line.kind();
        entry.eventType = delivery.type();
        entry.occurredAt = event.occurredAt();
        entry.summary = line.summary();
        entry.source = delivery.source();
        entry.persist();
    }
}
