package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every alert that opened or joined the incident has resolved, as its monitoring reported: evidence of recovery after
 * a rollback (the executor's verification waits for it when asked to), and a sign that a request still awaiting
 * approval may no longer be needed.
 *
 * @param alerts the fingerprints of the resolved alerts
 */
@EventType("dev.rewind.incident.alerts-resolved.v1")
public record IncidentAlertsResolved(
        UUID incidentId,
        TargetKey target,
        List<String> alerts,
        Instant occurredAt) implements IncidentEvent {

    public IncidentAlertsResolved {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        alerts = copyOrEmpty(alerts);
        required("alerts", alerts);
    }
}
