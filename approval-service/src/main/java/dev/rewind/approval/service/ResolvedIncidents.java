package dev.rewind.approval.service;

import dev.rewind.approval.domain.AlertsResolvedFlag;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.approval.persistence.IncidentAlertsResolvedRecord;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Flags the requests still awaiting people once every alert of their incident resolved, and tells people so: the
 * fault may have cleared. Votes decide, never this. Every other incident event is the approval service's own or comes
 * after its decisions, and is ignored here.
 */
@ApplicationScoped
public class ResolvedIncidents {

    private final Announcements announcements;
    private final Clock clock;

    @Inject
    public ResolvedIncidents(Announcements announcements, Clock clock) {
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Whether {@code event} says an incident's alerts all resolved: the only incident event acted on here. */
    public boolean concerns(IncidentEvent event) {
        return event instanceof IncidentAlertsResolved;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentEvent event) {
        if (!(event instanceof IncidentAlertsResolved resolved)) {
            return;
        }
        if (IncidentAlertsResolvedRecord.findById(resolved.incidentId()) == null) {
            IncidentAlertsResolvedRecord incident = new IncidentAlertsResolvedRecord();
            incident.incidentId = resolved.incidentId();
            incident.resolvedAt = resolved.occurredAt();
            incident.persist();
        }
        Instant now = Instant.now(clock);
        // Locked like a vote, so a request is flagged only while undecided and a vote waits for the flag.
        for (ApprovalRequestRecord request : ApprovalRequestRecord.undecidedOf(resolved.incidentId())) {
            flag(request, resolved.occurredAt(), now);
        }
    }

    /** Flags a request just taken in whose incident's alerts had all resolved already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flagIfResolved(ApprovalRequestRecord request, Instant now) {
        IncidentAlertsResolvedRecord incident = IncidentAlertsResolvedRecord.findById(request.incidentId);
        if (incident != null) {
            flag(request, incident.resolvedAt, now);
        }
    }

    private void flag(ApprovalRequestRecord request, Instant resolvedAt, Instant now) {
        if (request.alertsResolvedAt == null && AlertsResolvedFlag.applies(request.state)) {
            request.alertsResolvedAt = resolvedAt;
            announcements.alertsResolved(request, AlertsResolvedFlag.note(request.state, resolvedAt), now);
        }
    }
}
