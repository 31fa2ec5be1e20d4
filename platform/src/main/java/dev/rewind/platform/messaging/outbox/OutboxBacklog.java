package dev.rewind.platform.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the outbox holds back: pending records (neither published nor parked) and parked ones.
 *
 * @param oldestPendingCreatedAt when the oldest pending record was written; null when none is pending
 */
public record OutboxBacklog(long pending, Instant oldestPendingCreatedAt, long parked) {

    /** The age of the oldest pending record at {@code now}; empty when none is pending. */
    public Optional<Duration> oldestPendingAge(Instant now) {
        if (oldestPendingCreatedAt == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(oldestPendingCreatedAt, now);
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }
}
