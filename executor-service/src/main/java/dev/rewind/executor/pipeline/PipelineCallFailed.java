package dev.rewind.executor.pipeline;

import java.time.Duration;
import java.util.Optional;

/** A call to the CI failed for a passing reason (unreachable, 5xx, 429, timeout) and the retries gave up. */
public class PipelineCallFailed extends RuntimeException {

    private final transient Duration retryAfter;

    public PipelineCallFailed(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    PipelineCallFailed(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long the CI asked to wait before the next attempt (its Retry-After), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
