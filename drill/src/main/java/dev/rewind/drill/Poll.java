package dev.rewind.drill;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Asks again every interval until the answer is there or the time is up. */
final class Poll {

    private Poll() {
    }

    /** The first present answer of {@code check}; throws {@link DrillFailed} naming {@code what} after {@code timeout}. */
    static <T> T until(String what, Duration timeout, Duration interval, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = check.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (System.nanoTime() > deadline) {
                throw new DrillFailed(what + ": not within " + SuccessCriteria.seconds(timeout));
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrillFailed("interrupted while waiting for " + what);
            }
        }
    }
}
