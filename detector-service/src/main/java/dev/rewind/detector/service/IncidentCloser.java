package dev.rewind.detector.service;

import dev.rewind.detector.persistence.BlockedReleaseRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.Release;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Closes the detector's incident once its rollback rolled out (verified or not), people rejected it, or its request
 * expired undecided, so that the target's next alert storm opens a new incident instead of attaching to a finished one
 * (an expired request no longer mutes its target); a rollout is remembered for the cooldown guard, and the release it
 * left is blocked: never named as a release to return to. Failed and declined incidents
 * stay open: people own them, and their alerts keep attaching as evidence.
 */
@ApplicationScoped
public class IncidentCloser {

    /** Whether {@code event} ends an incident: the only incident events the detector acts on. */
    public boolean concerns(IncidentEvent event) {
        return event instanceof RollbackSucceeded || event instanceof RollbackUnverified
                || event instanceof ApprovalRejected || event instanceof ApprovalExpired;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncidentEvent event) {
        if (!concerns(event)) {
            return;
        }
        Release rolledBackFrom = event instanceof RollbackSucceeded succeeded ? succeeded.release()
                : event instanceof RollbackUnverified unverified ? unverified.release() : null;
        if (rolledBackFrom != null) {
            BlockedReleaseRecord.block(event.target().toString(), rolledBackFrom, event.incidentId(),
                    event.occurredAt());
        }
        IncidentRecord incident = IncidentRecord.findById(event.incidentId());
        if (incident == null) {
            return;
        }
        if (event instanceof RollbackSucceeded || event instanceof RollbackUnverified) {
            incident.rolledBackAt = event.occurredAt();
        }
        if (incident.state == IncidentRecord.State.OPEN) {
            incident.state = IncidentRecord.State.CLOSED;
        }
    }
}
