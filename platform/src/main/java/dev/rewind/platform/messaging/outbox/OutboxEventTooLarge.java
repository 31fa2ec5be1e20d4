package dev.rewind.platform.messaging.outbox;

/**
 * An event too large for the outbox: Kafka would refuse its record. Thrown before the event is written, so the
 * caller's transaction rolls back and the caller can refuse the input that produced it (413 or 400).
 */
public class OutboxEventTooLarge extends RuntimeException {

    private final String eventType;
    private final long bytes;
    private final long limit;

    public OutboxEventTooLarge(String eventType, String key, long bytes, long limit) {
        super("event " + eventType + " about " + key + " is " + bytes + " bytes serialized, over the outbox limit of "
                + limit + " bytes (rewind.messaging.outbox.max-event-bytes, kept below Kafka's max.request.size): it"
                + " was not published and its transaction rolls back; refuse or trim the input that produced it");
        this.eventType = eventType;
        this.bytes = bytes;
        this.limit = limit;
    }

    public String eventType() {
        return eventType;
    }

    /** The event's serialized size: its JSON payload, record key and subject, in UTF-8 bytes. */
    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
