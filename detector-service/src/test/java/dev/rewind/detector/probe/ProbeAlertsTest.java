package dev.rewind.detector.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Signal;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbeAlertsTest {

    private static final Instant FIRST_FAILURE = Instant.parse("2026-11-27T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:30Z");

    private final HealthProbe probe = HealthProbe.of("checkout", ProbeSettings.of("http://checkout:8080/health"),
            ProbeSettings.environments());

    @Test
    void aFiredStreakIsAHealthCheckAlertStartingAtItsFirstFailure() {
        String problem = "GET http://checkout:8080/health answered 503, expected 2xx";

        AlertFired fired = (AlertFired) ProbeAlerts.of(probe, new FailureStreak.Fire(FIRST_FAILURE, 3, problem), NOW);

        assertThat(fired.source()).isEqualTo("health-probe");
        assertThat(fired.fingerprint()).isEqualTo("health-probe:checkout");
        assertThat(fired.target()).isEqualTo(probe.target());
        assertThat(fired.signal()).isEqualTo(Signal.HEALTH_CHECK_FAILING);
        assertThat(fired.startsAt()).isEqualTo(FIRST_FAILURE);
        assertThat(fired.occurredAt()).isEqualTo(NOW);
        assertThat(fired.summary()).isEqualTo("Health check failing: probe checkout failed 3 times in a row since "
                + "2026-11-27T03:00:00Z; last: GET http://checkout:8080/health answered 503, expected 2xx");
    }

    @Test
    void aResolvedStreakResolvesTheSameAlert() {
        AlertFired fired = (AlertFired) ProbeAlerts.of(probe, new FailureStreak.Fire(FIRST_FAILURE, 3, "x"), NOW);

        AlertResolved resolved = (AlertResolved) ProbeAlerts.of(probe,
                new FailureStreak.Resolve(FIRST_FAILURE, NOW.plusSeconds(45)), NOW.plusSeconds(45));

        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.source()).isEqualTo(fired.source());
        assertThat(resolved.target()).isEqualTo(fired.target());
        assertThat(resolved.startsAt()).isEqualTo(fired.startsAt());
        assertThat(resolved.endsAt()).isEqualTo(NOW.plusSeconds(45));
    }
}
