package dev.rewind.detector.probe;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts one probe's consecutive failures and says when they become an alert (once per streak) and when that alert
 * resolves (the first success after it). A change takes effect only once it is confirmed as published, so that an
 * alert the intake could not take is offered again at the next failure and a resolution at the next success.
 */
public final class FailureStreak {

    /** What the probe's results call for. */
    public sealed interface Change permits Fire, Resolve {
    }

    /** The streak reached the threshold: fire one alert that started at the streak's first failure. */
    public record Fire(Instant startsAt, int failures, String lastProblem) implements Change {
    }

    /** The probe succeeded after its alert fired: resolve the alert that started at {@code startsAt}. */
    public record Resolve(Instant startsAt, Instant endsAt) implements Change {
    }

    private final int failuresBeforeAlert;
    private int failures;
    private Instant firstFailure;
    private boolean alerted;

    public FailureStreak(int failuresBeforeAlert) {
        if (failuresBeforeAlert < 1) {
            throw new IllegalArgumentException("failuresBeforeAlert must be at least 1, not " + failuresBeforeAlert);
        }
        this.failuresBeforeAlert = failuresBeforeAlert;
    }

    /** Counts a failure at {@code at}; a {@link Fire} when the streak reached the threshold and has no alert yet. */
    public synchronized Optional<Change> failed(Instant at, String problem) {
        if (failures == 0) {
            firstFailure = at;
        }
        failures++;
        if (alerted || failures < failuresBeforeAlert) {
            return Optional.empty();
        }
        return Optional.of(new Fire(firstFailure, failures, problem));
    }

    /** Ends the streak; a {@link Resolve} when its alert fired. */
    public synchronized Optional<Change> succeeded(Instant at) {
        if (alerted) {
            return Optional.of(new Resolve(firstFailure, at));
        }
        reset();
        return Optional.empty();
    }

    /** {@code change} was published: a fired streak stays quiet until it resolves, a resolved one starts afresh. */
    public synchronized void published(Change change) {
        if (change instanceof Fire) {
            alerted = true;
        } else if (change instanceof Resolve) {
            reset();
        }
    }

    public synchronized int failures() {
        return failures;
    }

    private void reset() {
        failures = 0;
        firstFailure = null;
        alerted = false;
    }
}
