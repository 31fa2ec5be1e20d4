package dev.rewind.system;

import static dev.rewind.system.TraceBreakdown.APPROVAL;
import static dev.rewind.system.TraceBreakdown.DETECTOR;
import static dev.rewind.system.TraceBreakdown.EXECUTOR;
import static dev.rewind.system.TraceBreakdown.PATCH;
import static dev.rewind.system.TraceBreakdown.WEBHOOK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.system.OtlpCollector.CollectedSpan;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceBreakdownTest {

    private static final long MS = 1_000_000;
    private static final long T0 = 1_764_000_000_000L * MS;

    @Test
    void eachHopIsTheTimeBetweenItsTwoMomentsAndTheyAddUpToTheWholeWay() {
        Map<String, Double> hops = TraceBreakdown.of(alertTrace()).orElseThrow();

        assertThat(hops).containsExactly(
                Map.entry("detector webhook: alert checked, until its send", 1.0),
                Map.entry("rewind.alerts: send to the detector's consumer", 8.0),
                Map.entry("detector: decided and committed (request in its outbox)", 10.0),
                Map.entry("detector relay: commit to the request's send", 1.5),
                Map.entry("rewind.rollback-requests: send to approval's consumer", 4.5),
                Map.entry("approval: decided and committed (command in its outbox)", 7.0),
                Map.entry("approval relay: commit to the command's send", 2.0),
                Map.entry("rewind.rollback-commands: send to the executor's consumer", 5.0),
                Map.entry("executor: command claimed, execution recorded, lease taken", 4.0),
                Map.entry("executor: rollback planned and recorded", 12.0),
                Map.entry("executor: patch sent, answered by the Kubernetes API", 3.0),
                Map.entry("webhook request to patch answered", 58.0));
        assertThat(hops.values().stream().limit(TraceBreakdown.HOPS.size()).mapToDouble(Double::doubleValue).sum())
                .isEqualTo(hops.get(TraceBreakdown.WHOLE.name()));
    }

    @Test
    void aSpanSeenTwiceCountsFromItsFirstOccurrence() {
        List<CollectedSpan> trace = new ArrayList<>(alertTrace());
        // A second patch later in the same trace (the rollout's follow-up): the first is the rollback's.
        trace.add(span(EXECUTOR, PATCH, 200, 210));

        assertThat(TraceBreakdown.of(trace).orElseThrow())
                .containsEntry("executor: patch sent, answered by the Kubernetes API", 3.0)
                .containsEntry("webhook request to patch answered", 58.0);
    }

    @Test
    void aTraceWithoutOneOfTheSpansHasNoBreakdown() {
        List<CollectedSpan> trace = alertTrace().stream()
                .filter(span -> !span.name().equals("rewind.rollback-commands publish")).toList();

        assertThat(TraceBreakdown.of(trace)).isEmpty();
    }

    /** An alert's spans, times in ms after T0 (the webhook's request). */
    private static List<CollectedSpan> alertTrace() {
        return List.of(
                span(DETECTOR, WEBHOOK, 0, 8),
                span(DETECTOR, "rewind.alerts publish", 1, 6),
                span(DETECTOR, "rewind.alerts process", 9, 19),
                span(DETECTOR, "rewind.rollback-requests publish", 20.5, 22),
                span(APPROVAL, "rewind.rollback-requests process", 25, 32),
                span(APPROVAL, "rewind.rollback-commands publish", 34, 36),
                span(EXECUTOR, "rewind.rollback-commands process", 39, 41),
                span(EXECUTOR, "rollback", 43, 90),
                span(EXECUTOR, PATCH, 55, 58),
                span("notifier-service", "notify slack", 60, 70));
    }

    private static CollectedSpan span(String service, String name, double startMs, double endMs) {
        return new CollectedSpan(service, "trace", name + "@" + startMs, "", name, Span.SpanKind.SPAN_KIND_INTERNAL,
                List.of(), T0 + (long) (startMs * MS), T0 + (long) (endMs * MS));
    }
}
