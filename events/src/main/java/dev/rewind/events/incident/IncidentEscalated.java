package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** The incident moved up the runbook's escalation path (level 1 development team to level 4 executives). */
@EventType("dev.rewind.incident.escalated.v1")
public record IncidentEscalated(
        UUID incidentId,
        TargetKey target,
        int level,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public IncidentEscalated {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("'level' must be 1 to 4, got " + level);
        }
        requiredText("reason", reason);
    }
}
