package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rollback could not be performed or did not roll out; {@code reason} is the tool's own words.
 *
 * @param diagnosis what the cluster showed was wrong when a rollout was stuck (pods' waiting reasons, unschedulable
 *                  pods, failing readiness, warning events, volume claims, services without endpoints), most important
 *                  first; empty when there was nothing to diagnose
 */
@EventType("dev.rewind.rollback.failed.v1")
public record RollbackFailed(
        UUID incidentId,
        TargetKey target,
        UUID executionId,
        RollbackMethod method,
        String reason,
        List<String> diagnosis,
        Instant occurredAt) implements IncidentEvent {

    public RollbackFailed {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("executionId", executionId);
        requiredText("reason", reason);
        diagnosis = copyOrEmpty(diagnosis);
    }

    /** A failure without a diagnosis. */
    public RollbackFailed(UUID incidentId, TargetKey target, UUID executionId, RollbackMethod method, String reason,
                          Instant occurredAt) {
        this(incidentId, target, executionId, method, reason, List.of(), occurredAt);
    }
}
