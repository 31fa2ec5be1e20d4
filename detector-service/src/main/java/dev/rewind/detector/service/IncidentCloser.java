package dev.rewind.detector.service;

import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.RollbackSucceeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Closes the detector's incident once its rollback succeeded, people rejected it, or its request expired undecided,
 * so that the target's next alert storm opens a new incident instead of attaching to a finished one (an expired
 * request no longer mutes its target); a success is remembered for the cooldown guard. Failed and declined incidents
 * stay open: people own them, and their alerts keep attaching as evidence.
 */
@ApplicationScoped
public class IncidentCloser {

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentEvent event) {
        if (!(event instanceof RollbackSucceeded || event instanceof ApprovalRejected
                || event instanceof ApprovalExpired)) {
            return;
        }
        IncidentRecord incident = IncidentRecord.findById(event.incidentId());
        if (incident == null) {
            return;
        }
        if (event instanceof RollbackSucceeded succeeded) {
            incident.rolledBackAt = succeeded.occurredAt();
        }
        if (incident.state == IncidentRecord.State.OPEN) {
            incident.state = IncidentRecord.State.CLOSED;
        }
    }
}
