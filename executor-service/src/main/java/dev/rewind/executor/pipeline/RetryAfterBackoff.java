package dev.rewind.executor.pipeline;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;

/**
 * Exponential backoff that waits as long as Bitbucket asked (its Retry-After) when it said, never longer than the
 * maximum delay: a longer wait belongs to the caller, who sees the failure once the retry window is over.
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {

    private final long maxDelayMillis;
    private long nextDelayMillis;

    RetryAfterBackoff(Duration maxDelay) {
        this.maxDelayMillis = maxDelay.toMillis();
    }

    @Override
    public void init(long initialDelayInMillis) {
        nextDelayMillis = initialDelayInMillis;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        long exponential = Math.min(nextDelayMillis, maxDelayMillis);
        nextDelayMillis = Math.min(nextDelayMillis * 2, maxDelayMillis);
        if (cause instanceof PipelineCallFailed failed && failed.retryAfter().isPresent()) {
            return Math.min(failed.retryAfter().get().toMillis(), maxDelayMillis);
        }
        return exponential;
    }
}
