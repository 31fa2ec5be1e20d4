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

    private final List<Message> messages = new ArrayList<>();

    /** Keeps one posted message. */
    public synchronized void received(String body) {
        messages.add(new Message(Instant.now(), body));
    }

    /** The messages so far, oldest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }
}
