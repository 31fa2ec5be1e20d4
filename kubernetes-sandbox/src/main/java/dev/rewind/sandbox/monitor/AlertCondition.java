package dev.rewind.sandbox.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One alerting rule's state for one application, as Prometheus keeps it: inactive, pending while its condition has
 * held for less than the rule's {@code for}, then firing until the condition clears. Tells when to notify: once on
 * firing, once on resolving.
 */
final class AlertCondition {

    /** What changed at an evaluation. */
    enum Change { NONE, FIRED, RESOLVED }

    private final Duration holdFor;
    private Instant pendingSince;
    private Instant firingSince;
    private Instant startsAt;

    AlertCondition(Duration holdFor) {
        this.holdFor = holdFor;
    }

    /** Evaluates the condition as {@code active} at {@code now}. */
    Change evaluate(Instant now, boolean active) {
        if (!active) {
            pendingSince = null;
            if (firingSince != null) {
                firingSince = null;
                return Change.RESOLVED;
            }
            return Change.NONE;
        }
        if (firingSince != null) {
            return Change.NONE;
        }
        if (pendingSince == null) {
            pendingSince = now;
        }
        if (!now.isBefore(pendingSince.plus(holdFor))) {
            firingSince = pendingSince;
            startsAt = pendingSince;
            return Change.FIRED;
        }
        return Change.NONE;
    }

    /** When the latest firing's condition began to hold (Alertmanager's startsAt), kept after it resolved. */
    Optional<Instant> startsAt() {
        return Optional.ofNullable(startsAt);
    }
}
