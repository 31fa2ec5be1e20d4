package dev.rewind.platform.messaging;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Turns an outbox record into a Kafka message: record key = target key, CloudEvents attributes as binary headers. */
@ApplicationScoped
public class OutboxMessages {

    private final URI source;

    @Inject
    public OutboxMessages(MessagingConfig config) {
        this.source = URI.create(config.source());
    }

    /** The message for {@code record}; {@code ack} completes when the broker acknowledged it, or fails. */
    public Message<String> toMessage(OutboxRecord record, CompletableFuture<Void> ack) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic)
                .withKey(record.recordKey)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(record.eventId.toString())
                .withType(record.eventType)
                .withSource(source)
                .withSubject(record.subject)
                .withTimestamp(record.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        return Message.of(record.payload, Metadata.of(kafka, cloudEvent))
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
