package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * A person allowed to lifted the guard that held a rollback request, with a reason; the request then needs the
 * approvals its policy demands like any other (the override counts as its author's approval).
 *
 * @param code the guard that was overridden
 * @param reason why the person overrode it
 */
@EventType("dev.rewind.guard.overridden.v1")
public record GuardOverridden(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        String overriddenBy,
        DeclineReason code,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public GuardOverridden {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        requiredText("overriddenBy", overriddenBy);
        required("code", code);
        requiredText("reason", reason);
    }
}
