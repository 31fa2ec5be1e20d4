package dev.rewind.platform.messaging;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.outbox.EventSizeLimit;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
import dev.rewind.platform.tracing.MessageTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Turns an outbox record into a Kafka message: record key = target key, CloudEvents attributes as binary headers. */
@ApplicationScoped
public class OutboxMessages {

    private final URI source;
    private final MessageTracing tracing;
    private final EventSizeLimit sizeLimit;

    @Inject
    public OutboxMessages(MessagingConfig config, MessageTracing tracing) {
        this.tracing = tracing;
        this.source = URI.create(config.source());
        this.sizeLimit = new EventSizeLimit(config.outbox().maxEventBytes());
    }

    /** The message for {@code record}; {@code ack} completes when the broker acknowledged it, or fails. */
    public Message<String> toMessage(OutboxRecord record, CompletableFuture<Void> ack) {
        Headers headers = new RecordHeaders();
        Span send = tracing.startSend(record.traceParent, record.topic, record.recordKey, record.eventId,
                record.eventType, headers);
        return toMessage(record.topic, record.recordKey, record.eventId, record.eventType, record.subject,
                record.occurredAt, record.payload, headers, ended(send, ack));
    }

    /**
     * The message for {@code event} of {@code topic} with CloudEvents id {@code id}, exactly as the relay would send
     * it from the outbox, for a service that publishes straight to Kafka what it does not store (the detector's
     * webhooks), sent as a child of the current span; {@code ack} completes when the broker acknowledged it, or
     * fails. Throws
     * {@link OutboxEventTooLarge} for an event the outbox would refuse for its size.
     */
    public <E extends RewindEvent> Message<String> toMessage(Topic<E> topic, E event, UUID id,
                                                             CompletableFuture<Void> ack) {
        String key = event.target().toString();
        String type = topic.typeOf(event);
        String payload = EventJson.write(event);
        sizeLimit.check(type, key, event.subject(), payload);
        Headers headers = new RecordHeaders();
        Span send = tracing.startSend(Context.current(), topic.name(), key, id, type, headers);
        return toMessage(topic.name(), key, id, type, event.subject(), event.occurredAt(), payload, headers,
                ended(send, ack));
    }

    /** {@code ack}, once {@code span} has ended with the send's outcome. */
    private static CompletableFuture<Void> ended(Span span, CompletableFuture<Void> ack) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        sent.whenComplete((done, failure) -> {
            MessageTracing.end(span, failure);
            if (failure == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(failure);
            }
        });
        return sent;
    }

    private Message<String> toMessage(String topic, String key, UUID id, String type, String subject,
                                      Instant occurredAt, String payload, Headers headers,
                                      CompletableFuture<Void> ack) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(id.toString())
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTimestamp(occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(payload, Metadata.of(kafka, cloudEvent))
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
