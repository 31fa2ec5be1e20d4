package dev.rewind.platform.messaging;

import dev.rewind.events.RewindEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as it arrived from Kafka, with its CloudEvents attributes.
 *
 * @param id the CloudEvents id; redeliveries carry the same id
 * @param time the CloudEvents time, or null when the producer did not send one
 */
public record Delivery<E extends RewindEvent>(UUID id, String type, String source, Instant time, E event) {
}
