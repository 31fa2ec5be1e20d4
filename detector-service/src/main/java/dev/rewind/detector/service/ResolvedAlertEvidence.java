package dev.rewind.detector.service;

import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import java.time.Instant;
import java.util.UUID;

/** A resolved alert as evidence on the timeline of the incident it belongs to. */
public final class ResolvedAlertEvidence {

    private ResolvedAlertEvidence() {
    }

    /**
     * The incident event for {@code alert}, recorded at {@code now}. It resolved when its source says it ended; a
     * source that sends no end time resolved it when it reported the resolution.
     */
    public static AlertResolvedOnIncident of(AlertResolved alert, UUID incidentId, Instant now) {
        return new AlertResolvedOnIncident(incidentId, alert.target(), alert.source(), alert.fingerprint(),
                alert.signal(), alert.startsAt(), alert.endsAt() != null ? alert.endsAt() : alert.occurredAt(), now);
    }
}
