package dev.rewind.postmortem.domain.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The rollback figures of one group of incidents (one service in one environment, or all of them), from the counts
 * and percentiles the database aggregated.
 *
 * @param rollbacks incidents whose rollback started or ended (rolling back, rolled back verified or not, failed)
 * @param succeeded rolled back and verified
 * @param unverified rolled out, but the verification did not pass
 * @param failed the rollback failed
 * @param successRate succeeded out of the finished rollbacks (succeeded, unverified, failed), 0 to 1 to three places;
 *                    null when none finished (a rate of nothing is not 0)
 * @param medianTimeToRollBack detection to the rollback's completion, over the completed rollbacks; null if none
 * @param p90TimeToRollBack the same, 90th percentile (interpolated, as PostgreSQL's percentile_cont)
 * @param deadlinesMet rolled back within the severity's deadline
 * @param deadlinesMissed rolled back after it, or not rolled back and past it (declined and rejected count as neither)
 * @param deadlineMetRate met out of met and missed, to three places; null when neither
 */
public record RollbackStatistics(long incidents, long rollbacks, long succeeded, long unverified, long failed,
                                 Double successRate, Duration medianTimeToRollBack, Duration p90TimeToRollBack,
                                 long deadlinesMet, long deadlinesMissed, Double deadlineMetRate) {

    /** What the database counted for one group. */
    public record Counts(long incidents, long rollbacks, long succeeded, long unverified, long failed,
                         Double medianMillis, Double p90Millis, long deadlinesMet, long deadlinesMissed) {
    }

    /** The figures {@code counts} give. */
    public static RollbackStatistics of(Counts counts) {
        long finished = counts.succeeded() + counts.unverified() + counts.failed();
        return new RollbackStatistics(counts.incidents(), counts.rollbacks(), counts.succeeded(),
                counts.unverified(), counts.failed(), rate(counts.succeeded(), finished),
                millis(counts.medianMillis()), millis(counts.p90Millis()), counts.deadlinesMet(),
                counts.deadlinesMissed(),
                rate(counts.deadlinesMet(), counts.deadlinesMet() + counts.deadlinesMissed()));
    }

    static Double rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).doubleValue();
    }

    private static Duration millis(Double millis) {
        return millis == null ? null : Duration.ofMillis(Math.round(millis));
    }
}
