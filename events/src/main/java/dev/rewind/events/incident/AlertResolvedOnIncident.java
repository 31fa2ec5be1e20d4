package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert that opened or joined the incident resolved, as its monitoring reported: evidence on the incident's
 * timeline, published once per resolved occurrence whatever the re-sends.
 *
 * @param source the monitoring system that reported it, e.g. {@code alertmanager}
 * @param fingerprint the alert's identity at its source
 * @param startsAt when the alert started firing, when the source said so
 * @param resolvedAt when the source says it stopped firing (its end time, else when the resolution was reported)
 */
@EventType("dev.rewind.incident.alert-resolved.v1")
public record AlertResolvedOnIncident(
        UUID incidentId,
        TargetKey target,
        String source,
        String fingerprint,
        Signal signal,
        Instant startsAt,
        Instant resolvedAt,
        Instant occurredAt) implements IncidentEvent {

    public AlertResolvedOnIncident {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        requiredText("source", source);
        requiredText("fingerprint", fingerprint);
        signal = signal == null ? Signal.UNKNOWN : signal;
        required("resolvedAt", resolvedAt);
    }
}
