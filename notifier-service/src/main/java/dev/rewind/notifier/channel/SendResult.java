package dev.rewind.notifier.channel;

import java.time.Duration;

/** What became of one send: delivered, to be tried again, refused for good, or found to have nothing to do. */
public sealed interface SendResult {

    /**
     * The vendor took it; {@code reference} is what later deliveries of the incident need (a thread), or null;
     * {@code summary}, when not null, replaces the planned timeline words with what only the answer knows ("Follow-up
     * ticket OPS-123 opened (Jira)").
     */
    record Delivered(String reference, String summary) implements SendResult {

        public Delivered(String reference) {
            this(reference, null);
        }
    }

    /** Nothing needed sending after all (a resolve for an incident that paged nobody): no request, no timeline line. */
    record Skipped(String reason) implements SendResult {
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
