package dev.rewind.detector.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolvedAlertEvidenceTest {

    private static final UUID INCIDENT = UUID.fromString("6f1c2a44-8a3e-4c8e-9a51-1d2f3b4c5d6e");
    private static final Instant NOW = Instant.parse("2026-11-15T14:35:30.500Z");

    @Test
    void theResolvedAlertBecomesTheIncidentsEventWithItsSourcesEndTime() {
        AlertResolved alert = EventFixtures.event(AlertResolved.class);

        assertThat(ResolvedAlertEvidence.of(alert, INCIDENT, NOW))
                .isEqualTo(EventFixtures.event(AlertResolvedOnIncident.class));
    }

    @Test
    void withoutAnEndTimeItResolvedWhenTheResolutionWasReported() {
        AlertResolved f = EventFixtures.event(AlertResolved.class);
        AlertResolved noEnd = new AlertResolved(f.alertId(), f.source(), f.fingerprint(), f.target(), f.signal(),
                f.startsAt(), null, f.occurredAt());

        assertThat(ResolvedAlertEvidence.of(noEnd, INCIDENT, NOW).resolvedAt()).isEqualTo(f.occurredAt());
    }
}
