package dev.rewind.platform.messaging;

import dev.rewind.events.EventParseException;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a CloudEvents binary-mode Kafka record into a {@link Delivery}, or throws an {@link InvalidEventRecord}
 * whose message is the dead-letter reason: what is missing or wrong, and where.
 */
public final class EventReader {

    private EventReader() {
    }

    public static <E extends RewindEvent> Delivery<E> read(Topic<E> topic, ConsumerRecord<String, String> record) {
        try {
            return readValid(topic, record);
        } catch (EventParseException invalid) {
            throw new InvalidEventRecord(invalid.getMessage(), invalid);
        }
    }

    private static <E extends RewindEvent> Delivery<E> readValid(Topic<E> topic, ConsumerRecord<String, String> record) {
        UUID id = parseId(header(record, CloudEventHeaders.ID));
        String type = header(record, CloudEventHeaders.TYPE);
        E event = topic.parse(type, record.value());
        String key = record.key();
        if (key == null) {
            // A keyless record lands on any partition, beside other targets' events and out of its own's order.
            throw new EventParseException("record key is missing: records must be keyed by their event's target '"
                    + event.target() + "', so that each target's events stay in order on one partition; fix the "
                    + "producer and send this event again with that key");
        }
        if (!key.equals(event.target().toString())) {
            throw new EventParseException("record key '" + key + "' does not match the event's target '"
                    + event.target() + "': records must be keyed by target");
        }
        return new Delivery<>(id, type, header(record, CloudEventHeaders.SOURCE),
                parseTime(header(record, CloudEventHeaders.TIME)), event);
    }

    private static UUID parseId(String id) {
        if (id == null || id.isBlank()) {
            throw new EventParseException("missing CloudEvents id (header ce_id)");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new EventParseException("CloudEvents id (header ce_id) must be a UUID, got '" + id + "'");
        }
    }

    private static Instant parseTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new EventParseException("CloudEvents time (header ce_time) must be RFC 3339, got '" + time + "'");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
