package dev.rewind.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry an event whose effect failed transiently (the database restarting, a lost connection). */
@ConfigMapping(prefix = "rewind.consumer.retry")
public interface ConsumerRetryConfig {

    /** The first pause; each next one doubles, with jitter. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest pause between two attempts. */
    @WithDefault("10s")
    Duration maxBackoff();

    /**
     * How long to keep retrying before the event is dead-lettered after all: long enough for any outage people fix
     * (the record waits in Kafka, uncommitted, meanwhile).
     */
    @WithDefault("7d")
    Duration giveUpAfter();
}
