package dev.rewind.detector.domain;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;

/** The runbook's "when to roll back" table: which alert means roll back, how urgently, and whether automatically. */
public final class DecisionMatrix {

    private final ThresholdBook book;

    public DecisionMatrix(ThresholdBook book) {
        this.book = book;
    }

    /**
     * Decides for a firing alert about {@code target}, with the thresholds configured for it.
     *
     * @param observed the measured value when the alert carries one; an alert without one is taken at its word
     * @param summary the alert's own description, used as the reason when present
     */
    public Decision decide(TargetKey target, Signal signal, Double observed, String summary) {
        Thresholds thresholds = book.forTarget(target);
        return switch (signal) {
            case HEALTH_CHECK_FAILING -> rollBack(Severity.P0, ExecutionMode.AUTOMATED, summary, "Failed health checks",
                    null);
            case ERROR_RATE -> errorRate(thresholds, observed, summary);
            case LATENCY -> above(observed, thresholds.latencyMultiple())
                    ? rollBack(Severity.P1, ExecutionMode.AUTOMATED, summary, latencyReason(observed),
                            comparedWith(observed, thresholds.latencyMultiple()))
                    : new Decision.Ignore("response time " + multiple(observed) + "x baseline is within "
                            + multiple(thresholds.latencyMultiple()) + "x");
            case RESOURCE_SATURATION -> above(observed, thresholds.saturation())
                    ? rollBack(Severity.P2, ExecutionMode.MANUAL, summary, "CPU/Memory" + percent(observed)
                            + " after diagnosis", comparedWith(observed, thresholds.saturation()))
                    : new Decision.Ignore("utilisation" + percent(observed) + " is within "
                            + Math.round(thresholds.saturation() * 100) + "%");
            case SECURITY_VULNERABILITY -> rollBack(Severity.P1, ExecutionMode.MANUAL, summary,
                    "Security vulnerability discovered: rollback plus hotfix", null);
            case MIGRATION_FAILED -> rollBack(Severity.P1, ExecutionMode.MANUAL, summary,
                    "Database migration failed: manual rollback and restore, never automatic", null);
            case MINOR_BUG -> new Decision.Decline(Severity.P3, DeclineReason.FIX_FORWARD,
                    text(summary, "Minor UI bug") + ": fix forward in the next release");
            case NON_CRITICAL_FEATURE -> new Decision.Decline(Severity.P3, DeclineReason.FIX_FORWARD,
                    text(summary, "Non-critical feature broken") + ": fix forward with a hotfix");
            case UNKNOWN -> new Decision.Ignore("signal not in the decision matrix");
        };
    }

    private static Decision errorRate(Thresholds thresholds, Double observed, String summary) {
        if (observed != null && observed <= thresholds.errorRate()) {
            return new Decision.Ignore("5xx error rate" + percent(observed) + " is within "
                    + percent(thresholds.errorRate()).trim());
        }
        Severity severity = observed != null && observed > thresholds.criticalErrorRate() ? Severity.P0 : Severity.P1;
        String reason = observed == null ? "High error rate" : "High error rate (" + percent(observed).trim()
                + " 5xx errors)";
        // The rollback threshold, not the critical one: that one only sets the severity.
        return rollBack(severity, ExecutionMode.AUTOMATED, summary, reason,
                comparedWith(observed, thresholds.errorRate()));
    }

    private static boolean above(Double observed, double threshold) {
        return observed == null || observed > threshold;
    }

    private static Decision rollBack(Severity severity, ExecutionMode mode, String summary, String fallback,
                                     Double threshold) {
        return new Decision.RollBack(severity, mode, text(summary, fallback), threshold);
    }

    /** The threshold when the alert's value was compared with it; none when the alert was taken at its word. */
    private static Double comparedWith(Double observed, double threshold) {
        return observed == null ? null : threshold;
    }

    private static String latencyReason(Double observed) {
        return observed == null ? "Response time above baseline"
                : "Response time " + multiple(observed) + "x baseline";
    }

    /** {@code 2}, {@code 2.5} or {@code 2.83}: a multiple as people read it. */
    private static String multiple(double value) {
        double hundredths = Math.round(value * 100) / 100.0;
        return hundredths == Math.rint(hundredths) ? String.valueOf((long) hundredths) : String.valueOf(hundredths);
    }

    /** " 12%" or " 12.5%" for a ratio, "" when there is none. */
    private static String percent(Double ratio) {
        if (ratio == null) {
            return "";
        }
        double tenths = Math.round(ratio * 1000) / 10.0;
        return " " + (tenths == Math.rint(tenths) ? String.valueOf((long) tenths) : String.valueOf(tenths)) + "%";
    }

    private static String text(String summary, String fallback) {
        return summary == null || summary.isBlank() ? fallback : summary;
    }
}
