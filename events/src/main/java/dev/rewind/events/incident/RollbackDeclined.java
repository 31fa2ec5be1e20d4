package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** Rewind decided not to roll back (fix forward, or a guard fired): a human decides. */
@EventType("dev.rewind.rollback.declined.v1")
public record RollbackDeclined(
        UUID incidentId,
        TargetKey target,
        DeclineReason code,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public RollbackDeclined {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("code", code);
        requiredText("reason", reason);
    }
}
