package dev.rewind.system;

import dev.rewind.system.OtlpCollector.CollectedSpan;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where one alert's time went on its way to the rollback patch, read from its trace: each hop is the time between two
 * moments of the spans the services exported (a span's start or end), from the webhook's request to the patch's
 * answer. A hop over a topic runs from the send's start to the consumer's processing (a send's end, its
 * acknowledgement, may come after the consumer already has the record); a hop within a service is its own work. A
 * relay's hop starts when the processing span that committed ends, which may be a little after the commit woke the
 * relay: sub-millisecond values mean nothing.
 */
final class TraceBreakdown {

    static final String DETECTOR = "detector-service";
    static final String APPROVAL = "approval-service";
    static final String EXECUTOR = "executor-service";
    static final String WEBHOOK = "POST /api/v1/alerts/alertmanager";
    static final String PATCH = "kubernetes patch deployment";

    /** The start or the end of the first span named {@code span} that {@code service} exported in the trace. */
    record Moment(String service, String span, boolean end) {

        static Moment start(String service, String span) {
            return new Moment(service, span, false);
        }

        static Moment end(String service, String span) {
            return new Moment(service, span, true);
        }
    }

    /** A named stretch of an alert's way, between two moments. */
    record Hop(String name, Moment from, Moment to) {
    }

    /** The hops, in the order the alert passes them; together they run from the webhook's request to the patch's answer. */
    static final List<Hop> HOPS = List.of(
            new Hop("detector webhook: alert checked, until its send",
                    Moment.start(DETECTOR, WEBHOOK), Moment.start(DETECTOR, "rewind.alerts publish")),
            new Hop("rewind.alerts: send to the detector's consumer",
                    Moment.start(DETECTOR, "rewind.alerts publish"), Moment.start(DETECTOR, "rewind.alerts process")),
            new Hop("detector: decided and committed (request in its outbox)",
                    Moment.start(DETECTOR, "rewind.alerts process"), Moment.end(DETECTOR, "rewind.alerts process")),
            new Hop("detector relay: commit to the request's send",
                    Moment.end(DETECTOR, "rewind.alerts process"),
                    Moment.start(DETECTOR, "rewind.rollback-requests publish")),
            new Hop("rewind.rollback-requests: send to approval's consumer",
                    Moment.start(DETECTOR, "rewind.rollback-requests publish"),
                    Moment.start(APPROVAL, "rewind.rollback-requests process")),
            new Hop("approval: decided and committed (command in its outbox)",
                    Moment.start(APPROVAL, "rewind.rollback-requests process"),
                    Moment.end(APPROVAL, "rewind.rollback-requests process")),
            new Hop("approval relay: commit to the command's send",
                    Moment.end(APPROVAL, "rewind.rollback-requests process"),
                    Moment.start(APPROVAL, "rewind.rollback-commands publish")),
            new Hop("rewind.rollback-commands: send to the executor's consumer",
                    Moment.start(APPROVAL, "rewind.rollback-commands publish"),
                    Moment.start(EXECUTOR, "rewind.rollback-commands process")),
            new Hop("executor: command claimed, execution recorded, lease taken",
                    Moment.start(EXECUTOR, "rewind.rollback-commands process"), Moment.start(EXECUTOR, "rollback")),
            new Hop("executor: rollback planned and recorded",
                    Moment.start(EXECUTOR, "rollback"), Moment.start(EXECUTOR, PATCH)),
            new Hop("executor: patch sent, answered by the Kubernetes API",
                    Moment.start(EXECUTOR, PATCH), Moment.end(EXECUTOR, PATCH)));

    /** The whole way: the webhook's request to the patch's answer. */
    static final Hop WHOLE = new Hop("webhook request to patch answered", Moment.start(DETECTOR, WEBHOOK),
            Moment.end(EXECUTOR, PATCH));

    private TraceBreakdown() {
    }

    /**
     * Each hop of {@code trace} and then {@link #WHOLE}, in milliseconds, in order; empty when a span they need is
     * not in the trace (not exported yet, or the alert took another way).
     */
    static Optional<Map<String, Double>> of(List<CollectedSpan> trace) {
        Map<String, Double> millis = new LinkedHashMap<>();
        for (Hop hop : Stream.concat(HOPS.stream(), Stream.of(WHOLE)).toList()) {
            Optional<Long> from = at(trace, hop.from());
            Optional<Long> to = at(trace, hop.to());
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            millis.put(hop.name(), (to.get() - from.get()) / 1_000_000.0);
        }
        return Optional.of(millis);
    }

    private static Optional<Long> at(List<CollectedSpan> trace, Moment moment) {
        return trace.stream()
                .filter(span -> span.service().equals(moment.service()) && span.name().equals(moment.span()))
                .min(Comparator.comparingLong(CollectedSpan::startNanos))
                .map(span -> moment.end() ? span.endNanos() : span.startNanos());
    }
}
