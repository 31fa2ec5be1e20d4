package dev.rewind.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the detector takes alerts in: webhooks publish straight to Kafka (into the outbox when the broker does not
 * acknowledge), and the consumer applies a consumed batch in lanes.
 */
@ConfigMapping(prefix = "rewind.detector.intake")
public interface IntakeConfig {

    /**
     * How long a webhook waits for the broker to acknowledge its alerts before it stores them in the outbox instead
     * (the relay publishes them once the broker is back). Longer than the alerts-direct producer's
     * delivery.timeout.ms, so that every send has its outcome by then.
     */
    @WithDefault("7s")
    Duration brokerWait();

    /**
     * Lanes a consumed batch of alerts is applied in, in parallel, each in its own transaction: a target's alerts
     * always share a lane, in order. Deciding on a new target reads its Deployment from the Kubernetes API; lanes
     * keep a storm over many targets from waiting for those reads one after the other where the API server answers
     * slowly. 1 applies batches whole: on a 2-core machine running everything (bench/alert-storm.sh), more lanes
     * took CPU from the webhooks and decided no faster.
     */
    @WithDefault("1")
    int lanes();
}
