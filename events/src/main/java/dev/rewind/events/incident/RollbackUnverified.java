package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * The rollback rolled out but its verification did not pass (a check failed or could not tell): the Deployment was
 * changed, yet nobody may call the service recovered. People look; the verification event carries every check.
 *
 * @param reason the checks that failed, in people's words
 * @param release the release judged bad and rolled back from; null when unknown
 */
@EventType("dev.rewind.rollback.unverified.v1")
public record RollbackUnverified(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        String fromVersion,
        String toVersion,
        String reason,
        Release release,
        Instant occurredAt) implements IncidentEvent {

    public RollbackUnverified {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        required("method", method);
        requiredText("reason", reason);
    }
}
