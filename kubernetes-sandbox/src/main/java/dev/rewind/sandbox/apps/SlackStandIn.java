package dev.rewind.sandbox.apps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A local stand-in for a Slack incoming webhook: keeps every message posted to it (the notifier's
 * {@code SLACK_WEBHOOK_URL} pointed at the sandbox) so that a drill can show what the team would have read.
 */
public final class SlackStandIn {

    /** One message as posted: its JSON body and when it arrived. */
    public record Message(Instant receivedAt, String body) {
    }

    /** How many messages are kept: the newest, so that a long-running sandbox stays small. */
    static final int KEPT = 1000;

    private final List<Message> messages = new ArrayList<>();

    /** Keeps one posted message, forgetting the oldest beyond {@value #KEPT}. */
    public synchronized void received(String body) {
        messages.add(new Message(Instant.now(), body));
        if (messages.size() > KEPT) {
            messages.remove(0);
        }
    }

    /** The messages kept, oldest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }
}
