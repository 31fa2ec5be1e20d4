package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** An approver turned a rollback request down. */
@EventType("dev.rewind.approval.rejected.v1")
public record ApprovalRejected(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        String rejectedBy,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalRejected {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        requiredText("rejectedBy", rejectedBy);
        requiredText("reason", reason);
    }
}
