package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The checks after a rollback (rollout status, health endpoint, smoke tests, metrics) and their outcome. */
@EventType("dev.rewind.verification.completed.v1")
public record VerificationCompleted(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        boolean passed,
        List<Check> checks,
        Instant occurredAt) implements IncidentEvent {

    public VerificationCompleted {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        checks = copyOrEmpty(checks);
    }

    /** One verification check. */
    public record Check(String name, boolean passed, String detail) {
        public Check {
            requiredText("name", name);
        }
    }
}
