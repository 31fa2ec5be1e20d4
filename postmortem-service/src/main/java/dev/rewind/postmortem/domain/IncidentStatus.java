package dev.rewind.postmortem.domain;

import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import java.util.Optional;

/**
 * Where an incident stands, as its lifecycle events move it; events that do not move it leave it as it is (a guard's
 * override, a step, an escalation or a notification is a line of the timeline, not a status).
 */
public enum IncidentStatus {
    OPEN,
    DECLINED,
    AWAITING_APPROVAL,
    APPROVED,
    REJECTED,
    /** The rollback request waited undecided past its expiry: closed without a rollback. */
    EXPIRED,
    ROLLING_BACK,
    ROLLED_BACK,
    /** Rolled out, but its verification did not pass: people must look before calling it recovered. */
    ROLLED_BACK_UNVERIFIED,
    ROLLBACK_FAILED;

    /** True when the incident is closed in this status: no rollback is coming, or it ended. */
    public boolean isFinal() {
        return this == DECLINED || this == REJECTED || this == EXPIRED || this == ROLLED_BACK
                || this == ROLLED_BACK_UNVERIFIED || this == ROLLBACK_FAILED;
    }

    /** The status {@code event} moves an incident to, if it moves it at all. */
    public static Optional<IncidentStatus> after(IncidentEvent event) {
        IncidentStatus status = null;
        if (event instanceof IncidentOpened) {
            status = OPEN;
        } else if (event instanceof RollbackDeclined) {
            status = DECLINED;
        } else if (event instanceof ApprovalRequested) {
            status = AWAITING_APPROVAL;
        } else if (event instanceof ApprovalGranted) {
            status = APPROVED;
        } else if (event instanceof ApprovalRejected) {
            status = REJECTED;
        } else if (event instanceof ApprovalExpired) {
            status = EXPIRED;
        } else if (event instanceof RollbackStarted) {
            status = ROLLING_BACK;
        } else if (event instanceof RollbackSucceeded) {
            status = ROLLED_BACK;
        } else if (event instanceof RollbackUnverified) {
            status = ROLLED_BACK_UNVERIFIED;
        } else if (event instanceof RollbackFailed) {
            status = ROLLBACK_FAILED;
        }
        return Optional.ofNullable(status);
    }
}
