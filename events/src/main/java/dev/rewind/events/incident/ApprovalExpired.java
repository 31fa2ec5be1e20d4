package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollback request waited undecided past its expiry limit (longer than its severity's deadline, which escalates):
 * the request is closed without a rollback, the incident closes as expired and its target is watched again.
 *
 * @param requestedAt when the request started waiting
 * @param approvals the approvals given before it expired (not enough); empty in records published before 0.4
 */
@EventType("dev.rewind.approval.expired.v1")
public record ApprovalExpired(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        Instant requestedAt,
        List<Approval> approvals,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalExpired {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        required("requestedAt", requestedAt);
        approvals = copyOrEmpty(approvals);
    }

    /** An expiry without approvals given. */
    public ApprovalExpired(UUID incidentId, TargetKey target, UUID requestId, Instant requestedAt, Instant occurredAt) {
        this(incidentId, target, requestId, requestedAt, List.of(), occurredAt);
    }
}
