package dev.rewind.notifier.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.events.EventJson;
import dev.rewind.notifier.domain.SlackMessage;

/**
 * What one Slack delivery sends, as planned in the consumer's transaction and read back when it is sent.
 *
 * @param channel the routed Web API channel; null in incoming-webhook mode. A reply goes to its thread's channel.
 * @param broadcast a reply that is also shown in the channel ({@code reply_broadcast}): outcomes people must see
 * @param updates when set, this delivery is no new message: it updates the incident's first message to show
 *                {@code message}, the outcome delivered as notification {@code updates}
 * @param message the message: {@code text} and {@code blocks}
 */
record SlackPost(String channel, boolean broadcast, String updates, JsonNode message) {

    private static final ObjectMapper JSON = EventJson.mapper();

    static SlackPost of(String channel, boolean broadcast, String updates, SlackMessage message) {
        return new SlackPost(channel, broadcast, updates, JSON.valueToTree(message));
    }

    static SlackPost read(String payload) {
        try {
            return JSON.readValue(payload, SlackPost.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded Slack delivery is not readable: " + e.getOriginalMessage(), e);
        }
    }

    String write() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Slack message could not be written: " + e.getOriginalMessage(), e);
        }
    }
}
