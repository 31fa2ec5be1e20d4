package dev.rewind.detector.config;

import dev.rewind.events.Signal;
import io.quarkus.runtime.configuration.MemorySize;
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

    /**
     * The Deployment annotation naming who deployed the release it runs (CI sets it on each deploy): that person
     * counts as the requester of a rollback of it, and may not approve it. Never read from alerts, which anyone can
     * send.
     */
    @WithDefault("rewind.dev/deployed-by")
    String deployedByAnnotation();

    /**
     * Deployments read from the cluster at once when a batch of alerts brings many new targets to decide on (each
     * decision reads its target's Deployment and ReplicaSets): a storm over 100 services waits for the slowest read,
     * not for the sum of them. 1 reads them one after the other.
     */
    @WithDefault("8")
    int clusterReads();

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

        /**
         * Annotation with the baseline a response time is compared with ({@code 300ms}); with it, the value is a
         * duration too ({@code 850ms}), else a multiple of the baseline ({@code 2.5}).
         */
        @WithDefault("baseline")
        String baselineAnnotation();
    }

    /**
     * Who may post to the alert webhooks, and how much they may post. The credentials are Alertmanager's: the bearer
     * token of its http_config.authorization (ALERTMANAGER_TOKEN) and/or the Basic auth of its http_config.basic_auth
     * (ALERTMANAGER_USERNAME, ALERTMANAGER_PASSWORD); the other sources have their own ({@link SourcesConfig}).
     */
    interface Webhook extends SourcesConfig.Credentials {
        Limits limits();

        /**
         * Sizes checked before anything is committed, so that every accepted alert fits in one Kafka record; a
         * payload over a limit is refused whole (413) naming the field and the limit.
         */
        interface Limits {
            /** Alerts in one payload (Alertmanager's webhook_config max_alerts should stay below it). */
            @WithDefault("500")
            int alerts();

            /** Labels of one alert. */
            @WithDefault("64")
            int labels();

            /** Characters of one label value. */
            @WithDefault("1024")
            int labelValueLength();

            /** Annotations of one alert. */
            @WithDefault("32")
            int annotations();

            /** Characters of one annotation value. */
            @WithDefault("16384")
            int annotationValueLength();

            /** Characters of a label or annotation name, and of an alert's fingerprint. */
            @WithDefault("256")
            int nameLength();

            /**
             * Bytes of one normalized alert event (one Kafka record); below the producer's max.request.size and
             * the broker's message.max.bytes (1 MiB by default), with room for headers.
             */
            @WithDefault("512K")
            MemorySize eventSize();
        }
    }

    ErrorRate errorRate();

    Latency latency();

    Saturation saturation();

    /**
     * Thresholds by environment name, overriding the defaults above; each environment may override them again per
     * service: {@code rewind.detector.thresholds.production.error-rate=0.02},
     * {@code rewind.detector.thresholds.production.services.checkout.latency-baseline-multiple=1.5}.
     */
    Map<String, EnvironmentThresholds> thresholds();

    /** Some thresholds of one environment or service; the others are inherited. */
    interface ThresholdOverride {
        Optional<Double> errorRate();

        Optional<Double> criticalErrorRate();

        Optional<Double> latencyBaselineMultiple();

        Optional<Double> saturation();
    }

    /** One environment's thresholds, and its services' own. */
    interface EnvironmentThresholds extends ThresholdOverride {
        Map<String, ThresholdOverride> services();
    }

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
