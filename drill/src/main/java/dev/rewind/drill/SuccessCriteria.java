package dev.rewind.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runbook's drill success criteria ("rollback completed < 10 minutes", "no manual intervention needed"), which a
 * drill must meet, and Rewind's own goal on the sandbox (fault injected to rollback verified in under 15 s), which it
 * reports; judged on measured times.
 */
public final class SuccessCriteria {

    /** The runbook's limit from detection to a completed rollback. */
    public static final Duration ROLLBACK_LIMIT = Duration.ofMinutes(10);

    /** Rewind's goal on the sandbox, from the fault to the verified rollback. */
    public static final Duration SANDBOX_GOAL = Duration.ofSeconds(15);

    private SuccessCriteria() {
    }

    /**
     * @param detectedAt when the incident opened; null if it never did
     * @param rolledBackAt when the rollback completed, verified; null if it did not
     * @param peopleActed who acted on the incident by hand (approvals, overrides); empty for none
     */
    public static List<DrillResult.Criterion> judge(Instant faultInjectedAt, Instant detectedAt, Instant rolledBackAt,
                                                    List<String> peopleActed) {
        List<DrillResult.Criterion> criteria = new ArrayList<>();
        Duration toRollBack = between(detectedAt, rolledBackAt);
        criteria.add(new DrillResult.Criterion("rollback completed < 10 minutes (runbook)",
                toRollBack != null && toRollBack.compareTo(ROLLBACK_LIMIT) < 0,
                toRollBack == null ? "no completed rollback" : seconds(toRollBack) + " from detection to rolled back",
                true));
        criteria.add(new DrillResult.Criterion("no manual intervention needed (runbook)",
                rolledBackAt != null && peopleActed.isEmpty(),
                !peopleActed.isEmpty() ? "people acted: " + String.join(", ", peopleActed)
                        : rolledBackAt == null ? "the rollback did not complete on its own" : "none: every step automatic",
                true));
        Duration faultToVerified = between(faultInjectedAt, rolledBackAt);
        criteria.add(new DrillResult.Criterion("goal: fault injected to rollback verified < 15 s (Rewind's, on the sandbox)",
                faultToVerified != null && faultToVerified.compareTo(SANDBOX_GOAL) < 0,
                faultToVerified == null ? "no verified rollback" : seconds(faultToVerified), false));
        return criteria;
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    /** {@code 7.3 s}, or {@code 2 min 5.0 s}. */
    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d min %.1f s", (long) seconds / 60, seconds % 60);
    }
}
