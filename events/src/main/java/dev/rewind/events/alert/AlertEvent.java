package dev.rewind.events.alert;

import dev.rewind.events.RewindEvent;

/** Events of topic {@code rewind.alerts}: a normalized monitoring alert, firing or resolved. */
public sealed interface AlertEvent extends RewindEvent permits AlertFired, AlertResolved {

    /** Rewind's id for this alert occurrence. */
    java.util.UUID alertId();

    /**
     * The monitoring system it came from: alertmanager, grafana, datadog, newrelic, health-probe (the detector's
     * own), manual.
     */
    String source();

    /** What the alert says is wrong. */
    dev.rewind.events.Signal signal();

    /** The source's identity of the alert, stable across re-sends (Alertmanager's fingerprint). */
    String fingerprint();

    @Override
    default String subject() {
        return fingerprint();
    }
}
