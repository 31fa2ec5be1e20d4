package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * The executor began a rollback.
 *
 * @param fromRevision the Deployment (or release) revision running now
 * @param toRevision the revision being restored
 * @param fromVersion the version (image tag) running now
 * @param toVersion the version being restored
 */
@EventType("dev.rewind.rollback.started.v1")
public record RollbackStarted(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        Long fromRevision,
        Long toRevision,
        String fromVersion,
        String toVersion,
        Instant occurredAt) implements IncidentEvent {

    public RollbackStarted {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        required("method", method);
    }
}
