package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * An alert storm on a target became an incident.
 *
 * @param version the version (image tag) running when the incident opened, when known
 */
@EventType("dev.rewind.incident.opened.v1")
public record IncidentOpened(
        UUID incidentId,
        long incidentNumber,
        TargetKey target,
        Severity severity,
        Signal signal,
        String reason,
        String version,
        Instant occurredAt) implements IncidentEvent {

    public IncidentOpened {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        if (incidentNumber <= 0) {
            throw new IllegalArgumentException("'incidentNumber' must be positive");
        }
        required("severity", severity);
        required("signal", signal);
        requiredText("reason", reason);
    }
}
