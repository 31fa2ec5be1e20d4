package dev.rewind.detector.probe;

import dev.rewind.events.Signal;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The normalized alerts a health probe's streak changes stand for. */
public final class ProbeAlerts {

    /** The source name of alerts from the detector's own health probes. */
    public static final String SOURCE = "health-probe";

    private ProbeAlerts() {
    }

    /**
     * The probe's fingerprint: derived from its name only, so that every firing of the same probe, from any detector
     * replica, is recognised as the same alert.
     */
    public static String fingerprint(HealthProbe probe) {
        return SOURCE + ":" + probe.name();
    }

    /** The alert {@code change} of {@code probe} calls for, observed at {@code now}. */
    public static AlertEvent of(HealthProbe probe, FailureStreak.Change change, Instant now) {
        if (change instanceof FailureStreak.Fire fire) {
            return new AlertFired(UUID.randomUUID(), SOURCE, fingerprint(probe), probe.target(),
                    Signal.HEALTH_CHECK_FAILING, null, summary(probe, fire), null,
                    Map.of("probe", probe.name(), "alertname", "HealthCheckFailing"),
                    Map.of("url", probe.url()), fire.startsAt(), now);
        }
        FailureStreak.Resolve resolve = (FailureStreak.Resolve) change;
        return new AlertResolved(UUID.randomUUID(), SOURCE, fingerprint(probe), probe.target(),
                Signal.HEALTH_CHECK_FAILING, resolve.startsAt(), resolve.endsAt(), now);
    }

    private static String summary(HealthProbe probe, FailureStreak.Fire fire) {
        return "Health check failing: probe " + probe.name() + " failed " + fire.failures()
                + (fire.failures() == 1 ? " time" : " times") + " in a row since "
                + fire.startsAt() + "; last: " + fire.lastProblem();
    }
}
