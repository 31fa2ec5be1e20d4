package dev.rewind.detector.probe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The health URLs the detector polls itself, {@code rewind.detector.health-probes.<name>.*}. None by default: with no
 * probe configured nothing is polled.
 */
@ConfigMapping(prefix = HealthProbesConfig.PREFIX)
public interface HealthProbesConfig {

    String PREFIX = "rewind.detector.health-probes";

    @WithParentName
    Map<String, Probe> probes();

    /** One probe: GET {@link #url()} every {@link #interval()}; its failures are alerts about its target. */
    interface Probe {

        /** The absolute http(s) URL to GET. */
        String url();

        /** The target's environment: one of rewind.environments. */
        String environment();

        /** The target's namespace: one the environment owns. */
        String namespace();

        /** The target's service (its Deployment's name). */
        String service();

        @WithDefault("15s")
        Duration interval();

        /** How long the connection and the answer may take; longer counts as a failure. */
        @WithDefault("2s")
        Duration timeout();

        /** Consecutive failures that make an alert: one failed GET is often a blip, not an outage. */
        @WithDefault("3")
        int failuresBeforeAlert();

        /** The status that counts as healthy: one code (200) or a class of codes (2xx). */
        @WithDefault("2xx")
        String expectStatus();

        /** Sent as {@code Authorization: Bearer <token>}; from the environment, e.g. ${CHECKOUT_HEALTH_TOKEN}. */
        Optional<String> bearerToken();

        /** Other request headers, e.g. {@code headers.X-Api-Key=${CHECKOUT_HEALTH_KEY}}. */
        Map<String, String> headers();
    }
}
