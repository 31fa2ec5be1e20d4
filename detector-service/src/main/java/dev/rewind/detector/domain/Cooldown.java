package dev.rewind.detector.domain;

import dev.rewind.events.incident.DeclineReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * No rollback loops: after Rewind rolled a target back, a new alert storm within the cooldown is declined for people
 * instead of rolled back again (the runbook's rollback of the rollback would restore the faulty version).
 */
public final class Cooldown {

    private final Duration period;

    public Cooldown(Duration period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        this.period = period;
    }

    /**
     * The decline for a rollback decided at {@code now}, or empty when the target's last automatic rollback (if any)
     * is older than the cooldown.
     */
    public Optional<Decision.Decline> check(Decision.RollBack rollBack, Optional<PastRollback> last, Instant now) {
        if (last.isEmpty() || !last.get().at().plus(period).isAfter(now)) {
            return Optional.empty();
        }
        Duration ago = Duration.between(last.get().at(), now);
        return Optional.of(new Decision.Decline(rollBack.severity(), DeclineReason.COOLDOWN,
                "INCIDENT-" + last.get().incidentNumber() + " rolled this target back " + Durations.human(ago)
                        + " ago; not rolling back again automatically within the " + Durations.human(period)
                        + " cooldown (" + rollBack.reason() + "): held until a person allowed to overrides it, or "
                        + "decide by hand"));
    }
}
