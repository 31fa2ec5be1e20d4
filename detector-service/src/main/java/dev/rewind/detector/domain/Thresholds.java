package dev.rewind.detector.domain;

/**
 * The decision matrix's numbers.
 *
 * @param errorRate 5xx rate above which to roll back (0.05 = 5%)
 * @param criticalErrorRate 5xx rate above which the incident is P0 rather than P1
 * @param latencyMultiple response time, as a multiple of the baseline, above which to roll back
 * @param saturation CPU or memory utilisation above which a rollback is proposed after diagnosis
 */
public record Thresholds(double errorRate, double criticalErrorRate, double latencyMultiple, double saturation) {

    public Thresholds {
        if (!(errorRate > 0 && errorRate <= criticalErrorRate)) {
            throw new IllegalArgumentException("need 0 < error-rate threshold <= critical threshold");
        }
        if (!(latencyMultiple > 1)) {
            throw new IllegalArgumentException("latency baseline multiple must be above 1");
        }
        if (!(saturation > 0 && saturation <= 1)) {
            throw new IllegalArgumentException("saturation threshold must be in (0, 1]");
        }
    }
}
