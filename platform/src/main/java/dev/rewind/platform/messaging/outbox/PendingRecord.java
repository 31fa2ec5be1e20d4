package dev.rewind.platform.messaging.outbox;

/**
 * An outbox record as the relay's ordering rules see it.
 *
 * @param topic    the topic it goes to; empty when unknown, and then its key alone orders it
 * @param attempts how many earlier sends of this record failed or had no outcome
 */
public record PendingRecord(long position, String topic, String key, int attempts) {

    /** A record whose topic the relay does not tell apart: ordered with every record of its key. */
    public PendingRecord(long position, String key, int attempts) {
        this(position, "", key, attempts);
    }

    /**
     * What the relay keeps in order: a record key on one topic. Kafka orders a key's records on its partition of a
     * topic only, so chaining a key's records across topics would make each wait for the other's acknowledgement
     * and protect no order any consumer can see.
     */
    public String stream() {
        return topic.isEmpty() ? key : topic + " " + key;
    }

    /** Whether an earlier send of this record failed: it is then sent on its own, ahead of its key's later records. */
    public boolean knownFailing() {
        return attempts > 0;
    }
}
