package dev.rewind.platform.messaging.outbox;

/**
 * The relay's decision about one record it sent in a round.
 *
 * @param detail why, for {@link Verdict#PARKED}, {@link Verdict#RETRY} and {@link Verdict#IN_DOUBT}; else null
 */
public record Settlement(long position, Verdict verdict, String detail) {

    /** What happens to the record. */
    public enum Verdict {
        /** Acknowledged, and no earlier record of its key is pending: marked published. */
        PUBLISHED,
        /** Refused for good by the broker or the client: taken out of the stream until a person replays it. */
        PARKED,
        /** Failed in a way that may pass (broker down, timeout): sent again after a backoff. */
        RETRY,
        /** No outcome within the acknowledgement wait: sent again only once the producer reported one. */
        IN_DOUBT,
        /**
         * Acknowledged, but an earlier record of its key failed in the same round: left pending, so it is sent again
         * after that one (a duplicate consumers drop by ce_id), never marked published ahead of it.
         */
        HELD
    }
}
