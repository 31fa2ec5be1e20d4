package dev.rewind.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every service's registry applies: a {@code service} tag on every meter (the application's name, so that one
 * dashboard tells the services apart whatever the scrape's labels), and the latency timers' histograms.
 */
public class MetricsSetup {

    private static final String REWIND_PREFIX = "rewind.";

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of("service", service));
    }

    @Produces
    @Singleton
    MeterFilter latencyHistograms(MetricsConfig config) {
        MetricsConfig.Latency latency = config.latency();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig defaults) {
                if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith(REWIND_PREFIX)) {
                    return defaults;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) latency.minimumExpected().toNanos())
                        .maximumExpectedValue((double) latency.maximumExpected().toNanos())
                        .serviceLevelObjectives(latency.slos().stream().mapToDouble(d -> (double) d.toNanos())
                                .toArray())
                        .build().merge(defaults);
            }
        };
    }
}
