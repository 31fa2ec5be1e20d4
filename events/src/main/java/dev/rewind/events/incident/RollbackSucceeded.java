package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** The rollback finished and the rollout reported success. */
@EventType("dev.rewind.rollback.succeeded.v1")
public record RollbackSucceeded(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        String fromVersion,
        String toVersion,
        String message,
        Instant occurredAt) implements IncidentEvent {

    public RollbackSucceeded {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        required("method", method);
    }
}
