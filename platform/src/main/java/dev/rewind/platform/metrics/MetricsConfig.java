package dev.rewind.platform.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Rewind's own metrics ({@code rewind.metrics.*}): how often gauges are read, how latencies are bucketed. */
@ConfigMapping(prefix = "rewind.metrics")
public interface MetricsConfig {

    /**
     * How often the gauges read from the database (outbox backlog, open incidents, waiting approvals) are read again;
     * the scheduled refreshes read the property itself.
     */
    @WithDefault("15s")
    Duration refreshInterval();

    /** The latency timers (alert to rollback started, alert to verified). */
    Latency latency();

    /** The histogram of a latency timer: Micrometer's percentile buckets between the bounds, plus the SLOs. */
    interface Latency {

        /** The shortest latency the buckets resolve. */
        @WithDefault("100ms")
        Duration minimumExpected();

        /** The longest latency the buckets resolve; longer ones fall into +Inf. */
        @WithDefault("30m")
        Duration maximumExpected();

        /** Extra bucket bounds, exact, for SLO queries (share of rollbacks started within 1 s, ...). */
        @WithDefault("500ms,1s,2s,5s,10s,30s,1m,5m,15m")
        List<Duration> slos();
    }
}
