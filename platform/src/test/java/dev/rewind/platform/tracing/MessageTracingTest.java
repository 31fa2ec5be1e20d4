package dev.rewind.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.TargetKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class MessageTracingTest {

    private static final TargetKey CHECKOUT = TargetKey.parse("production/payments/checkout");
    private static final TargetKey CART = TargetKey.parse("production/payments/cart");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final MessageTracing tracing = new MessageTracing(sdk);

    @Test
    void anEventPublishedWhileNoSpanIsRecordingHasNoTraceParentAndItsSendStartsATrace() {
        assertThat(tracing.traceParentFor(CHECKOUT)).isNull();

        Headers headers = new RecordHeaders();
        MessageTracing.end(tracing.startSend((String) null, "rewind.alerts", CHECKOUT.toString(), UUID.randomUUID(),
                "dev.rewind.alert.received", headers), null);

        SpanData send = only("rewind.alerts publish");
        assertThat(send.getParentSpanContext().isValid()).isFalse();
        assertThat(traceParent(headers)).contains(send.getTraceId()).contains(send.getSpanId());
    }

    @Test
    void aStoredTraceParentMakesTheSendItsChildAndTheConsumerContinuesTheTraceFromTheHeaders() {
        Span webhook = sdk.getTracer("test").spanBuilder("POST /webhook").startSpan();
        String stored;
        try (Scope scope = webhook.makeCurrent()) {
            stored = tracing.traceParentFor(CHECKOUT);
        } finally {
            webhook.end();
        }
        assertThat(stored).startsWith("00-" + webhook.getSpanContext().getTraceId() + "-"
                + webhook.getSpanContext().getSpanId());

        Headers headers = new RecordHeaders();
        UUID id = UUID.randomUUID();
        Span send = tracing.startSend(stored, "rewind.incident-events", CHECKOUT.toString(), id,
                "dev.rewind.incident.opened", headers);
        MessageTracing.end(send, null);
        Span process = tracing.startProcess(record("rewind.incident-events", CHECKOUT.toString(), headers));
        MessageTracing.end(process, null);

        SpanData sent = only("rewind.incident-events publish");
        SpanData processed = only("rewind.incident-events process");
        assertThat(sent.getTraceId()).isEqualTo(webhook.getSpanContext().getTraceId());
        assertThat(sent.getParentSpanId()).isEqualTo(webhook.getSpanContext().getSpanId());
        assertThat(sent.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(sent.getAttributes().asMap().toString()).contains(id.toString());
        assertThat(processed.getTraceId()).isEqualTo(webhook.getSpanContext().getTraceId());
        assertThat(processed.getParentSpanId()).isEqualTo(sent.getSpanId());
        assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
    }

    @Test
    void aRecordWithoutTraceHeadersIsProcessedInANewTrace() {
        MessageTracing.end(tracing.startProcess(record("rewind.alerts", null, new RecordHeaders())), null);

        assertThat(only("rewind.alerts process").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aFailureMarksTheSpan() {
        Span process = tracing.startProcess(record("rewind.alerts", CHECKOUT.toString(), new RecordHeaders()));
        MessageTracing.end(process, new IllegalStateException("not an event"));

        SpanData failed = only("rewind.alerts process");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getStatus().getDescription()).contains("not an event");
        assertThat(failed.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }

    @Test
    void inABatchEachTargetsEventsStoreTheContextOfThatTargetsRecordNotTheCurrentSpan() {
        Span checkout = sdk.getTracer("test").spanBuilder("checkout's record").startSpan();
        Span cart = sdk.getTracer("test").spanBuilder("cart's record").startSpan();
        Span current = sdk.getTracer("test").spanBuilder("the poll").startSpan();

        Map<TargetKey, Optional<String>> stored;
        try (Scope scope = current.makeCurrent()) {
            stored = tracing.inBatch(Map.of(CHECKOUT, Context.root().with(checkout), CART, Context.root().with(cart)),
                    () -> Map.of(CHECKOUT, Optional.ofNullable(tracing.traceParentFor(CHECKOUT)),
                            CART, Optional.ofNullable(tracing.traceParentFor(CART)),
                            TargetKey.parse("production/payments/search"),
                            Optional.ofNullable(tracing.traceParentFor(TargetKey.parse("production/payments/search")))));
        }

        assertThat(stored.get(CHECKOUT)).get().asString().contains(checkout.getSpanContext().getSpanId());
        assertThat(stored.get(CART)).get().asString().contains(cart.getSpanContext().getSpanId());
        assertThat(stored.get(TargetKey.parse("production/payments/search"))).get().asString()
                .contains(current.getSpanContext().getSpanId());
        assertThat(tracing.traceParentFor(CHECKOUT)).as("the batch's causes are forgotten after it").isNull();
    }

    @Test
    void workResumedInAStoredTraceJoinsItAndLinksTheRequestThatCausedIt() {
        Span intake = sdk.getTracer("test").spanBuilder("rewind.rollback-requests process").startSpan();
        String stored;
        try (Scope scope = intake.makeCurrent()) {
            stored = MessageTracing.currentTraceParent();
        } finally {
            intake.end();
        }
        Span approvalRequest = sdk.getTracer("test").spanBuilder("POST /api/v1/approvals/{id}/approve").startSpan();
        String published;
        try (Scope scope = approvalRequest.makeCurrent();
             MessageTracing.Resumed resumed = tracing.resume("approval", stored)) {
            published = tracing.traceParentFor(CHECKOUT);
        } finally {
            approvalRequest.end();
        }

        SpanData approval = only("approval");
        assertThat(approval.getTraceId()).isEqualTo(intake.getSpanContext().getTraceId());
        assertThat(approval.getParentSpanId()).isEqualTo(intake.getSpanContext().getSpanId());
        assertThat(approval.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly(approvalRequest.getSpanContext().getSpanId());
        assertThat(published).contains(approval.getSpanId());
    }

    @Test
    void resumingTheTraceTheCurrentSpanIsInAlreadyAddsNothing() {
        Span intake = sdk.getTracer("test").spanBuilder("rewind.rollback-requests process").startSpan();
        try (Scope scope = intake.makeCurrent();
             MessageTracing.Resumed resumed = tracing.resume("approval", MessageTracing.currentTraceParent())) {
            assertThat(Span.current()).isSameAs(intake);
        } finally {
            intake.end();
        }
        try (MessageTracing.Resumed none = tracing.resume("approval", null)) {
            assertThat(Span.current().getSpanContext().isValid()).isFalse();
        }
    }

    private SpanData only(String name) {
        return exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .reduce((a, b) -> {
                    throw new AssertionError("two spans named " + name);
                })
                .orElseThrow(() -> new AssertionError("no span named " + name + " in " + exported.getFinishedSpanItems()));
    }

    private static String traceParent(Headers headers) {
        return new String(headers.lastHeader(TraceHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> record(String topic, String key, Headers headers) {
        return new ConsumerRecord<>(topic, 1, 42L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, key, "{}", headers, Optional.empty());
    }
}
