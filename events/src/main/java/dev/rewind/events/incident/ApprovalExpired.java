package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** A rollback request's severity deadline passed without a decision. */
@EventType("dev.rewind.approval.expired.v1")
public record ApprovalExpired(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        Instant deadline,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalExpired {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        required("deadline", deadline);
    }
}
