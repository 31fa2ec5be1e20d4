package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * An approver turned a rollback request down.
 *
 * @param channel where: {@code api} or {@code slack}; null in records published before 0.4
 */
@EventType("dev.rewind.approval.rejected.v1")
public record ApprovalRejected(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        String rejectedBy,
        String reason,
        String channel,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalRejected {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        requiredText("rejectedBy", rejectedBy);
        requiredText("reason", reason);
    }

    /** A rejection that does not say through which channel it was given. */
    public ApprovalRejected(UUID incidentId, TargetKey target, UUID requestId, String rejectedBy, String reason,
                            Instant occurredAt) {
        this(incidentId, target, requestId, rejectedBy, reason, null, occurredAt);
    }
}
