package dev.rewind.platform.messaging.outbox;

import java.time.Duration;

/** How long a record waits before its next send: doubling from {@code initial} with each failure, up to {@code max}. */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("retry backoff must be positive and at most its maximum, got "
                    + initial + " and " + max);
        }
    }

    /** The wait after the {@code failures}-th failed send of a record (1 for the first). */
    public Duration after(int failures) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
