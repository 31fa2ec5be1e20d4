package dev.rewind.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How each service creates the Rewind topics it finds missing at start (TopicSetup). */
@ConfigMapping(prefix = "rewind.kafka.topics")
public interface TopicsConfig {

    /** Whether to create missing topics at all; false where an operator (Strimzi KafkaTopic) manages them. */
    @WithDefault("true")
    boolean create();

    /**
     * Partitions of each topic created: the most instances of one service that share a topic's work. 6 spreads
     * evenly over 1, 2, 3 or 6 instances. Fixed once records flow: adding partitions moves targets to other
     * partitions, so a target's records in flight could be processed out of order.
     */
    @WithDefault("6")
    int partitions();

    /** Copies of each partition created: 1 for a single dev broker, 3 in production (with min.insync.replicas=2). */
    @WithDefault("1")
    short replicationFactor();

    /** How long the start waits for the broker to list and create topics before going on without. */
    @WithDefault("10s")
    Duration timeout();
}
