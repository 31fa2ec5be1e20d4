package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * The rollback finished, the rollout reported success and its verification passed.
 *
 * @param release the release judged bad and rolled back from (Rewind never returns to it); null in events written
 *                before it was carried
 */
@EventType("dev.rewind.rollback.succeeded.v1")
public record RollbackSucceeded(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        String fromVersion,
        String toVersion,
        String message,
        Release release,
        Instant occurredAt) implements IncidentEvent {

    public RollbackSucceeded {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        required("method", method);
    }

    /** A success that does not name the release rolled back from. */
    public RollbackSucceeded(UUID incidentId, TargetKey target, UUID executionId, RollbackMethod method,
                             String fromVersion, String toVersion, String message, Instant occurredAt) {
        this(incidentId, target, executionId, method, fromVersion, toVersion, message, null, occurredAt);
    }
}
