package dev.rewind.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void offByDefaultEvenForATraceAProxyMarkedSampled() {
        Sampler off = TraceSampling.sampler(0);

        assertThat(decide(off, Context.root())).isEqualTo(SamplingDecision.DROP);
        assertThat(decide(off, remoteParent(true))).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void onceOnEveryTraceStartedHereIsRecordedAndAnUpstreamDecisionIsFollowed() {
        Sampler all = TraceSampling.sampler(1);

        assertThat(decide(all, Context.root())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(all, remoteParent(true))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(all, remoteParent(false))).as("another service sampled the alert out")
                .isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TraceSampling.sampler(1.5)).hasMessageContaining("REWIND_TRACE_SAMPLING")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> new TraceSampling().sampler("all")).hasMessageContaining("'all'");
    }

    private static SamplingDecision decide(Sampler sampler, Context parent) {
        return sampler.shouldSample(parent, TRACE, "POST /api/v1/alerts/alertmanager", SpanKind.SERVER,
                Attributes.empty(), List.of()).getDecision();
    }

    private static Context remoteParent(boolean sampled) {
        return Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault())));
    }
}
