package dev.rewind.platform.messaging.outbox;

/**
 * An outbox record as the relay's ordering rules see it.
 *
 * @param attempts how many earlier sends of this record failed or had no outcome
 */
public record PendingRecord(long position, String key, int attempts) {

    /** Whether an earlier send of this record failed: it is then sent on its own, ahead of its key's later records. */
    public boolean knownFailing() {
        return attempts > 0;
    }
}
