package dev.rewind.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterBackoffTest {

    private static final PipelineCallFailed SERVER_ERROR =
            new PipelineCallFailed("Bitbucket answered 500", (Duration) null);

    @Test
    void doublesFromTheFirstDelayUpToTheMaximum() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofSeconds(10));
        backoff.init(1_000);

        assertThat(new long[] {backoff.nextDelayInMillis(SERVER_ERROR), backoff.nextDelayInMillis(SERVER_ERROR),
            backoff.nextDelayInMillis(SERVER_ERROR), backoff.nextDelayInMillis(SERVER_ERROR),
            backoff.nextDelayInMillis(SERVER_ERROR)}).containsExactly(1_000, 2_000, 4_000, 8_000, 10_000);
    }

    @Test
    void waitsAsLongAsBitbucketAskedButNoLongerThanTheMaximum() {
        RetryAfterBackoff backoff = new RetryAfterBackoff(Duration.ofSeconds(10));
        backoff.init(1_000);

        assertThat(backoff.nextDelayInMillis(new PipelineCallFailed("429", Duration.ofSeconds(3)))).isEqualTo(3_000);
        assertThat(backoff.nextDelayInMillis(new PipelineCallFailed("429", Duration.ofMinutes(5)))).isEqualTo(10_000);
        assertThat(backoff.nextDelayInMillis(new PipelineCallFailed("429", Duration.ZERO))).isZero();
    }
}
