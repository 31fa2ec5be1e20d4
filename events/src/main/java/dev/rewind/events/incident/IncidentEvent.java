package dev.rewind.events.incident;

import dev.rewind.events.Contracts;
import dev.rewind.events.IncidentScoped;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** Events of topic {@code rewind.incident-events}: the lifecycle of an incident, appended to by every service. */
public sealed interface IncidentEvent extends IncidentScoped permits
        IncidentOpened, RollbackDeclined,
        ApprovalRequested, ApprovalGranted, ApprovalRejected, ApprovalExpired, GuardOverridden,
        RollbackStarted, RollbackStepCompleted, RollbackSucceeded, RollbackUnverified, RollbackFailed,
        VerificationCompleted, IncidentEscalated, NotificationDelivered, NotificationFailed, IncidentAlertsResolved,
        AlertResolvedOnIncident, ApprovalAlertsResolved, ChecklistItemOverdue {

    /** Checks the three fields every incident event has. */
    static void requireCommon(UUID incidentId, TargetKey target, Instant occurredAt) {
        Contracts.required("incidentId", incidentId);
        Contracts.required("target", target);
        Contracts.required("occurredAt", occurredAt);
    }
}
