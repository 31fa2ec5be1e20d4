package dev.rewind.executor.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One automatic rollback of a target per cooldown: after one succeeded, a further one waits for people, whichever
 * incident asks (a flapping alert must not walk a Deployment back through its history).
 */
public final class RollbackCooldown {

    private RollbackCooldown() {
    }

    /**
     * Why {@code deployment} must not be rolled back again now, or empty when its last rollback (finished at
     * {@code lastRollbackAt} for incident {@code lastIncident}) is older than {@code cooldown}.
     */
    public static Optional<String> refusal(String deployment, Instant lastRollbackAt, Long lastIncident, Instant now,
                                           Duration cooldown) {
        Duration ago = Duration.between(lastRollbackAt, now);
        if (ago.compareTo(cooldown) >= 0) {
            return Optional.empty();
        }
        return Optional.of("deployment " + deployment + " was rolled back " + readable(ago) + " ago"
                + (lastIncident == null ? "" : " for incident " + lastIncident) + "; not rolling back again "
                + "automatically within the cooldown of " + readable(cooldown) + " (rewind.executor.cooldown): "
                + "look at the Deployment and roll back by hand if it must go further back");
    }

    static String readable(Duration duration) {
        Duration positive = duration.isNegative() ? Duration.ZERO : duration;
        if (positive.toMinutes() >= 1) {
            return positive.toMinutes() + " min";
        }
        return positive.toSeconds() + " s";
    }
}
