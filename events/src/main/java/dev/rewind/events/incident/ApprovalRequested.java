package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollback waits for people to approve it.
 *
 * @param requiredApprovals how many distinct people must approve
 * @param approverRoles roles allowed to approve
 * @param deadline when the request escalates if nobody decided
 */
@EventType("dev.rewind.approval.requested.v1")
public record ApprovalRequested(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        Severity severity,
        int requiredApprovals,
        List<String> approverRoles,
        Instant deadline,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalRequested {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        required("severity", severity);
        if (requiredApprovals < 1) {
            throw new IllegalArgumentException("'requiredApprovals' must be at least 1");
        }
        approverRoles = copyOrEmpty(approverRoles);
        required("deadline", deadline);
    }
}
