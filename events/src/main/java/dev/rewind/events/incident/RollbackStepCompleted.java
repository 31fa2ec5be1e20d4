package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** One step of a rollback finished (patch sent, rollout observed, restart, fallback to another method...). */
@EventType("dev.rewind.rollback.step-completed.v1")
public record RollbackStepCompleted(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        String step,
        String detail,
        Instant occurredAt) implements IncidentEvent {

    public RollbackStepCompleted {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        requiredText("step", step);
    }
}
