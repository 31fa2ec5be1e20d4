package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The first record of a partition waits for the poll in progress (SmallRye's throttled commit strategy looks up the
 * partition's committed offset on the polling thread): the shared defaults keep that poll short.
 */
class ConsumerPollTimeoutTest {

    /** What a first record may wait at each hop, once per partition after a start or a rebalance, at most. */
    private static final int LONGEST_ACCEPTABLE_POLL_MS = 100;
    /** Shorter polls wake idle consumers so often that they cost CPU the services' work needs (measured). */
    private static final int SHORTEST_ACCEPTABLE_POLL_MS = 50;

    @Test
    void everyConsumerPollsBrieflySoTheFirstRecordOfAPartitionDoesNotWaitASecondButNotSoOftenThatIdlingCostsCpu() throws IOException {
        Properties defaults = PlatformDefaults.load();

        String pollTimeout = defaults.getProperty("mp.messaging.connector.smallrye-kafka.poll-timeout");

        assertThat(pollTimeout).as("mp.messaging.connector.smallrye-kafka.poll-timeout (SmallRye's default: 1000)")
                .isNotNull();
        assertThat(Integer.parseInt(pollTimeout)).isBetween(SHORTEST_ACCEPTABLE_POLL_MS, LONGEST_ACCEPTABLE_POLL_MS);
    }
}
