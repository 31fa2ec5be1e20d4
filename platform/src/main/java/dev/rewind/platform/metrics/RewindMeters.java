package dev.rewind.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Registers Rewind's own meters from the {@link RewindMetric} catalogue only, with exactly its tag keys: a metric
 * the catalogue (and so the dashboard's test) does not know cannot be exported by mistake.
 */
@ApplicationScoped
public class RewindMeters {

    private final MeterRegistry registry;

    @Inject
    public RewindMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The counter of {@code metric} for the tag values given in the catalogue's order of its tag keys. */
    public Counter counter(RewindMetric metric, String... tagValues) {
        return Counter.builder(metric.meterName()).description(metric.description())
                .tags(tags(metric, RewindMetric.Type.COUNTER, tagValues)).register(registry);
    }

    /** Records {@code duration} in the timer of {@code metric} (its histogram is configured by MetricsSetup). */
    public void record(RewindMetric metric, Duration duration, String... tagValues) {
        Timer.builder(metric.meterName()).description(metric.description())
                .tags(tags(metric, RewindMetric.Type.TIMER, tagValues)).register(registry).record(duration);
    }

    /** A gauge of {@code metric} that reads {@code value} at each scrape: give it a cached value, not a query. */
    public void gauge(RewindMetric metric, Supplier<Number> value, String... tagValues) {
        Gauge.builder(metric.meterName(), value).description(metric.description())
                .tags(tags(metric, RewindMetric.Type.GAUGE, tagValues)).register(registry);
    }

    private static Tags tags(RewindMetric metric, RewindMetric.Type type, String... values) {
        if (metric.type() != type) {
            throw new IllegalArgumentException(metric + " is a " + metric.type() + ", not a " + type);
        }
        List<String> keys = metric.tags();
        if (values.length != keys.size()) {
            throw new IllegalArgumentException(metric + " takes the tags " + keys + ", given " + values.length
                    + " value(s)");
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            pairs.add(keys.get(i));
            pairs.add(values[i] == null ? "none" : values[i]);
        }
        return Tags.of(pairs.toArray(String[]::new));
    }
}
