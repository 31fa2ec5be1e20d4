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

    /** Outbox relay settings. */
    interface Outbox {

        /** How often the relay looks for pending events even when no commit woke it (the safety net). */
        @WithDefault("5s")
        Duration pollInterval();

        /** How many pending events one relay round publishes. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge a batch. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long published events stay in the outbox table, for inspection. */
        @WithDefault("7d")
        Duration retention();
    }
}
