package dev.rewind.detector.config;

import io.smallrye.config.ConfigMapping;

/** The detector's configuration: the decision matrix's thresholds. */
@ConfigMapping(prefix = "rewind.detector")
public interface DetectorConfig {

    ErrorRate errorRate();

    Latency latency();

    Saturation saturation();

    /** 5xx error-rate thresholds, as ratios (0.05 = 5%). */
    interface ErrorRate {
        double threshold();

        double criticalThreshold();
    }

    /** Response-time threshold as a multiple of the baseline. */
    interface Latency {
        double baselineMultiple();
    }

    /** CPU/memory utilisation threshold as a ratio. */
    interface Saturation {
        double threshold();
    }
}
