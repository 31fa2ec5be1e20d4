package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approver turned a rollback request down.
 *
 * @param channel where: {@code api} or {@code slack}; null in records published before 0.4
 * @param approvals the approvals given before the rejection (a request needing two people may have one); empty in
 *                  records published before 0.4
 */
@EventType("dev.rewind.approval.rejected.v1")
public record ApprovalRejected(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        String rejectedBy,
        String reason,
        String channel,
        List<Approval> approvals,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalRejected {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        requiredText("rejectedBy", rejectedBy);
        requiredText("reason", reason);
        approvals = copyOrEmpty(approvals);
    }

    /** A rejection that does not say through which channel it was given. */
    public ApprovalRejected(UUID incidentId, TargetKey target, UUID requestId, String rejectedBy, String reason,
                            Instant occurredAt) {
        this(incidentId, target, requestId, rejectedBy, reason, null, List.of(), occurredAt);
    }
}
