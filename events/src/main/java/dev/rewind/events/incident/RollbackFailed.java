package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** The rollback could not be performed or did not roll out; {@code reason} is the tool's own words. */
@EventType("dev.rewind.rollback.failed.v1")
public record RollbackFailed(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public RollbackFailed {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        requiredText("reason", reason);
    }
}
