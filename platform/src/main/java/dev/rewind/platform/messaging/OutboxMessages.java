package dev.rewind.platform.messaging;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.outbox.EventSizeLimit;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Turns an outbox record into a Kafka message: record key = target key, CloudEvents attributes as binary headers. */
@ApplicationScoped
public class OutboxMessages {

    private final URI source;
    private final EventSizeLimit sizeLimit;

    @Inject
    public OutboxMessages(MessagingConfig config) {
        this.source = URI.create(config.source());
        this.sizeLimit = new EventSizeLimit(config.outbox().maxEventBytes());
    }

    /** The message for {@code record}; {@code ack} completes when the broker acknowledged it, or fails. */
    public Message<String> toMessage(OutboxRecord record, CompletableFuture<Void> ack) {
        return toMessage(record.topic, record.recordKey, record.eventId, record.eventType, record.subject,
                record.occurredAt, record.payload, ack);
    }

    /**
     * The message for {@code event} of {@code topic} with CloudEvents id {@code id}, exactly as the relay would send
     * it from the outbox, for a service that publishes straight to Kafka what it does not store (the detector's
     * webhooks); {@code ack} completes when the broker acknowledged it, or fails. Throws
     * {@link OutboxEventTooLarge} for an event the outbox would refuse for its size.
     */
    public <E extends RewindEvent> Message<String> toMessage(Topic<E> topic, E event, UUID id,
                                                             CompletableFuture<Void> ack) {
        String key = event.target().toString();
        String type = topic.typeOf(event);
        String payload = EventJson.write(event);
        sizeLimit.check(type, key, event.subject(), payload);
        return toMessage(topic.name(), key, id, type, event.subject(), event.occurredAt(), payload, ack);
    }

    private Message<String> toMessage(String topic, String key, UUID id, String type, String subject,
                                      Instant occurredAt, String payload, CompletableFuture<Void> ack) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
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
