package dev.rewind.platform.tracing;

import dev.rewind.events.TargetKey;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Keeps one alert one trace across Rewind's services, through the outbox: an event remembers the W3C traceparent of
 * the span that published it (the webhook's request, or the processing of the record that caused it), the relay's
 * send is a child of that span and carries its own context in the record's {@code traceparent} header, and each
 * consumed record is processed in a span continuing that context. SmallRye's own Kafka tracing is off (it would start
 * a new trace at the relay, which sends after the publishing transaction, on its own thread).
 */
@ApplicationScoped
public class MessageTracing {

    private static final String INSTRUMENTATION = "dev.rewind.messaging";
    private static final ThreadLocal<Map<TargetKey, Context>> BATCH_CAUSES = new ThreadLocal<>();

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    @Inject
    public MessageTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * The traceparent to store with an event about {@code target} published now: the span that processes that
     * target's record when a batch is applied ({@link #inBatch}), else the current span; null when there is none.
     */
    public String traceParentFor(TargetKey target) {
        Map<TargetKey, Context> causes = BATCH_CAUSES.get();
        Context cause = causes == null ? null : causes.get(target);
        return traceParentOf(cause == null ? Context.current() : cause);
    }

    /** The W3C traceparent of the current span, to store with work done later on its behalf; null when none. */
    public static String currentTraceParent() {
        return traceParentOf(Context.current());
    }

    private static String traceParentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TraceHeaders.TRACEPARENT);
    }

    /**
     * Starts the span of sending an event to Kafka, a child of the span whose traceparent the event stored (none: a
     * new trace), and writes its context into {@code headers}. The caller ends it with {@link #end}.
     */
    public Span startSend(String parentTraceParent, String topic, String key, UUID eventId, String eventType,
                          Headers headers) {
        return startSend(contextOf(parentTraceParent), topic, key, eventId, eventType, headers);
    }

    /** As {@link #startSend(String, String, String, UUID, String, Headers)}, as a child of {@code parent}. */
    public Span startSend(Context parent, String topic, String key, UUID eventId, String eventType, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("messaging.message.id", eventId.toString())
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        propagator.inject(parent.with(span), headers,
                (carrier, name, value) -> carrier.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /**
     * Starts a span of work done later on behalf of an earlier one (a rollback driven by a worker, resumed after a
     * restart), a child of the span whose traceparent was stored then (none: a new trace). End it with {@link #end}.
     */
    public Span startLater(String name, String parentTraceParent) {
        return tracer.spanBuilder(name).setParent(contextOf(parentTraceParent)).startSpan();
    }

    /**
     * Makes what follows, until closed, part of the trace whose traceparent was stored earlier (a person's approval
     * of a request, given over HTTP in a trace of its own): a span continuing that trace, linked to the current span.
     * Does nothing when the current span already belongs to that trace, or none was stored.
     */
    public Resumed resume(String name, String storedTraceParent) {
        Context stored = contextOf(storedTraceParent);
        SpanContext storedSpan = Span.fromContext(stored).getSpanContext();
        SpanContext current = Span.current().getSpanContext();
        if (!storedSpan.isValid() || storedSpan.getTraceId().equals(current.getTraceId())) {
            return () -> { };
        }
        SpanBuilder builder = tracer.spanBuilder(name).setParent(stored);
        if (current.isValid()) {
            builder.addLink(current);
        }
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** Starts the span of processing a consumed record, continuing the trace in its headers. End it with {@link #end}. */
    public Span startProcess(ConsumerRecord<?, ?> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(contextOf(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", record.key() == null ? "" : record.key().toString())
                .startSpan();
    }

    /** Ends {@code span}, marking it failed with {@code failure} when there is one. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            markFailed(span, failure);
        }
        span.end();
    }

    /** Marks {@code span} failed with {@code failure}, its exception recorded. */
    public static void markFailed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.toString());
    }

    /**
     * Runs {@code work} (a batch's effect) so that each event it publishes about a target stores the context of
     * that target's record in the batch, not of whichever span is current.
     */
    public <T> T inBatch(Map<TargetKey, Context> causes, Supplier<T> work) {
        Map<TargetKey, Context> outer = BATCH_CAUSES.get();
        BATCH_CAUSES.set(causes);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                BATCH_CAUSES.remove();
            } else {
                BATCH_CAUSES.set(outer);
            }
        }
    }

    private Context contextOf(String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        return propagator.extract(Context.root(), Map.of(TraceHeaders.TRACEPARENT, traceParent), MAP);
    }

    private Context contextOf(Headers headers) {
        return propagator.extract(Context.root(), headers, HEADERS);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).distinct().toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header header = carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** Work made part of a stored trace by {@link #resume}, until closed. */
    public interface Resumed extends AutoCloseable {

        @Override
        void close();
    }
}
