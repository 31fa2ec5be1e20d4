package dev.rewind.notifier.channel;

import java.time.Duration;

/** What became of one send: delivered, to be tried again, or refused for good. */
public sealed interface SendResult {

    /** The vendor took it; {@code reference} is what later deliveries of the incident need (a thread), or null. */
    record Delivered(String reference) implements SendResult {
    }

    /**
     * A failure that may pass (429, 5xx, timeout, connection refused): tried again after {@code after} when the
     * vendor said how long to wait (Retry-After), otherwise after the dispatcher's backoff.
     */
    record Retry(Duration after, String reason) implements SendResult {
    }

    /** The vendor refused it for a reason sending again cannot fix (a bad token, a deleted channel, a bad body). */
    record Refused(String reason) implements SendResult {
    }
}
