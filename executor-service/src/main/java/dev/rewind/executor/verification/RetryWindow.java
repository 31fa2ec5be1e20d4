package dev.rewind.executor.verification;

import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Repeats an attempt until it passes or a window ends (a fresh rollout may need seconds to answer well), with the
 * retries of SmallRye Fault Tolerance; the last failure, with how long and how often it was tried, is the result.
 */
final class RetryWindow {

    /** An attempt that did not pass yet. */
    private static final class NotYet extends RuntimeException {
        NotYet() {
            super(null, null, false, false);
        }
    }

    private final Guard guard;
    private final Duration window;

    RetryWindow(String description, Duration window, Duration interval) {
        this.window = window;
        var retry = Guard.create().withDescription(description).withRetry();
        if (window.isZero() || window.isNegative()) {
            retry = retry.maxRetries(0);
        } else {
            if (interval.compareTo(window) >= 0) {
                throw new IllegalArgumentException(description + ": the retry interval (" + interval + ") must be "
                        + "shorter than its window (" + window + "); fix rewind.executor.verification");
            }
            retry = retry.maxRetries(-1).maxDuration(window.toMillis(), ChronoUnit.MILLIS)
                    .delay(interval.toMillis(), ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS);
        }
        this.guard = retry.whenException(failure -> failure instanceof NotYet).done().build();
    }

    /** The first passing result of {@code attempt}, or its last failing one, told how long it was tried. */
    CheckResult await(Supplier<CheckResult> attempt) throws InterruptedException {
        AtomicReference<CheckResult> last = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        try {
            return guard.call(() -> {
                attempts.incrementAndGet();
                CheckResult result = attempt.get();
                last.set(result);
                if (!result.passed()) {
                    throw new NotYet();
                }
                return result;
            }, CheckResult.class);
        } catch (NotYet e) {
            CheckResult failed = last.get();
            return CheckResult.failed(failed.name(), failed.detail() + (attempts.get() == 1 ? ""
                    : " (still so after " + attempts.get() + " attempts within " + readable(window) + ")"));
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
