package dev.rewind.platform.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are recorded and exported: {@code rewind.tracing.sampling} (REWIND_TRACE_SAMPLING) of the alerts,
 * decided where a trace starts and followed downstream. At 0, the default, nothing is recorded, not even a trace an
 * upstream proxy or Grafana marked sampled: tracing is off until asked for, and no export goes to a collector that is
 * not there. Trace ids are made and carried all the same.
 */
@ApplicationScoped
public class TraceSampling {

    /** The sampler for a share of traces from 0 to 1. */
    public static Sampler sampler(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("rewind.tracing.sampling (REWIND_TRACE_SAMPLING) must be a share from 0"
                    + " (no traces) to 1 (every alert's), got " + share);
        }
        return Sampler.parentBasedBuilder(Sampler.traceIdRatioBased(share))
                .setRemoteParentSampled(share == 0 ? Sampler.alwaysOff() : Sampler.alwaysOn())
                .build();
    }

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "rewind.tracing.sampling", defaultValue = "0") String share) {
        try {
            return sampler(Double.parseDouble(share.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rewind.tracing.sampling (REWIND_TRACE_SAMPLING) must be a share from 0"
                    + " (no traces) to 1 (every alert's), got '" + share + "'");
        }
    }
}
