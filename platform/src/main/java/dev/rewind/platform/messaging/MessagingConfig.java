package dev.rewind.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay and the inbox. */
@ConfigMapping(prefix = "rewind.messaging")
public interface MessagingConfig {

    /** The CloudEvents {@code source} of everything this service publishes. */
    @WithDefault("/rewind/${quarkus.application.name}")
    String source();

    /** The consumer name under which the inbox records processed events. */
    @WithDefault("${quarkus.application.name}")
    String consumer();

    Outbox outbox();

    /**
     * Outbox relay settings. How long the relay waits for acknowledgements is not a setting: it follows from the
     * outbox producer's {@code delivery.timeout.ms} and {@code max.block.ms}.
     */
    interface Outbox {

        /** How often the relay looks for pending events even when no commit woke it (the safety net). */
        @WithDefault("5s")
        Duration pollInterval();

        /** How many events one relay round sends at most: the bound on sends in flight. At most 256. */
        @WithDefault("200")
        int batchSize();

        /** How long published events stay in the outbox table, for inspection. Parked events stay until replayed. */
        @WithDefault("7d")
        Duration retention();

        /**
         * The largest event (UTF-8 bytes of payload, key and subject) the outbox accepts; larger ones are refused
         * before they are written. Must stay 64 KiB below the outbox producer's {@code max.request.size}.
         */
        @WithDefault("900000")
        int maxEventBytes();

        /** Readiness is DOWN while the oldest pending (not parked) event is older than this. */
        @WithDefault("2m")
        Duration maxPendingAge();

        /** The wait before an event that failed to send is sent again; doubled with each further failure. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** The longest wait between two sends of an event that keeps failing. */
        @WithDefault("1m")
        Duration maxRetryBackoff();
    }
}
