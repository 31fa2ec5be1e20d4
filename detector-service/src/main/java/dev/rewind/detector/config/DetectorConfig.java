package dev.rewind.detector.config;

import dev.rewind.events.Signal;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** The detector's configuration: the decision matrix's thresholds and how to read webhook alerts. */
@ConfigMapping(prefix = "rewind.detector")
public interface DetectorConfig {

    Labels labels();

    /** Alert names and the decision-matrix signal each stands for. */
    Map<String, Signal> alertnames();

    Webhook webhook();

    /** Which alert labels and annotations carry what Rewind needs. */
    interface Labels {
        @WithDefault("environment")
        String environment();

        @WithDefault("namespace")
        String namespace();

        @WithDefault("service")
        String service();

        /** Label naming the decision-matrix signal explicitly (e.g. error-rate), overriding the alert name. */
        @WithDefault("rewind_signal")
        String signal();

        /** Label with the running version (image tag). */
        @WithDefault("version")
        String version();

        /** Annotation with the measured value (0.12, 12% or 2.5). */
        @WithDefault("value")
        String valueAnnotation();
    }

    /** Webhook authentication. */
    interface Webhook {
        /** The bearer token monitoring must send; none means the webhook is open (for local use only). */
        Optional<String> bearerToken();
    }

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
