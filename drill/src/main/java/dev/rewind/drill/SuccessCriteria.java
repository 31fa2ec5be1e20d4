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

    /**
     * A production rollback that needs a person's approval: Rewind waited for it, one person approved through the
     * API (recorded with who and why), and the rollback completed within the severity's deadline.
     *
     * @param heldWhile what the drill saw while the rollback waited; null if it did not wait
     * @param approvedBy who approved, how and why, from the incident's record; null if nobody did
     * @param deadline the incident's deadline for its severity; null when unknown
     */
    public static List<DrillResult.Criterion> approval(Instant detectedAt, Instant rolledBackAt, String heldWhile,
                                                       String approvedBy, Duration deadline) {
        List<DrillResult.Criterion> criteria = new ArrayList<>();
        criteria.add(new DrillResult.Criterion("the rollback waited for a person's approval (production policy)",
                heldWhile != null, heldWhile == null ? "not seen waiting" : "held " + heldWhile, true));
        criteria.add(new DrillResult.Criterion("approved by a person through the API, recorded with who and why",
                approvedBy != null, approvedBy == null ? "no person's approval on the record" : approvedBy, true));
        Duration toRollBack = between(detectedAt, rolledBackAt);
        Duration limit = deadline == null ? ROLLBACK_LIMIT : deadline;
        criteria.add(new DrillResult.Criterion("rollback completed within the severity's deadline ("
                + seconds(limit) + ", runbook)", toRollBack != null && toRollBack.compareTo(limit) < 0,
                toRollBack == null ? "no completed rollback" : seconds(toRollBack) + " from detection to rolled back",
                true));
        return criteria;
    }

    /**
     * A rollback Rewind must not make: declined with a reason that names the irreversible migration, the Deployment
     * left alone, and people told.
     *
     * @param status the incident's final status; null if none was seen
     * @param untouched what the drill saw of the Deployment after the decline; null if it was changed or not looked at
     * @param told the messages people received about the decline
     */
    public static List<DrillResult.Criterion> declined(String status, String reason, String untouched,
                                                       List<String> told) {
        boolean declined = "DECLINED".equals(status) && reason != null
                && reason.toLowerCase(Locale.ROOT).contains("irreversible");
        return List.of(
                new DrillResult.Criterion("declined: the release carries an irreversible migration (runbook: when not "
                        + "to roll back)", declined, status == null ? "no closed incident"
                        : status + (reason == null ? "" : ": " + reason), true),
                new DrillResult.Criterion("nothing rolled back", untouched != null,
                        untouched == null ? "not confirmed" : untouched, true),
                new DrillResult.Criterion("people told", !told.isEmpty(),
                        told.isEmpty() ? "no message" : told.size() + " message(s): " + told.get(0), true));
    }

    /**
     * The pipeline method failing its check: it ran first, what it deployed was checked and found wrong (it deployed
     * nothing), and the next method rolled back.
     *
     * @param steps the incident's rollback steps, {@code step: detail}
     * @param method the method that rolled back; null if none did
     */
    public static List<DrillResult.Criterion> fallback(List<String> steps, String method) {
        String started = steps.stream().filter(step -> step.startsWith("pipeline-started:")).findFirst().orElse(null);
        String handedOver = steps.stream().filter(step -> step.startsWith("method-unavailable: pipeline")
                && step.contains("deployed nothing")).findFirst().orElse(null);
        return List.of(
                new DrillResult.Criterion("the rollback pipeline ran first (runbook: Method 1)", started != null,
                        started == null ? "no pipeline run on the record" : started, true),
                new DrillResult.Criterion("what it deployed was checked and found wrong", handedOver != null,
                        handedOver == null ? "no check of the pipeline's outcome on the record" : handedOver, true),
                new DrillResult.Criterion("the next method rolled back", method != null && !"PIPELINE".equals(method),
                        method == null ? "no method rolled back" : "by " + method, true));
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
