package dev.rewind.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;

/** The largest event the outbox accepts, counted in UTF-8 bytes of its payload, record key and subject. */
public record EventSizeLimit(int maxBytes) {

    /** Throws {@link OutboxEventTooLarge} when the event's serialized size exceeds the limit. */
    public void check(String eventType, String key, String subject, String payload) {
        long bytes = utf8Length(payload) + utf8Length(key) + utf8Length(subject);
        if (bytes > maxBytes) {
            throw new OutboxEventTooLarge(eventType, key, bytes, maxBytes);
        }
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
