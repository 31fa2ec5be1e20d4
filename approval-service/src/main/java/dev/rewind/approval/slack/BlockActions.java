package dev.rewind.approval.slack;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The parts of Slack's {@code block_actions} interaction payload Rewind reads; Slack sends more, which is ignored.
 *
 * @param message the message whose button was pressed, with its blocks as Slack holds them
 * @param responseUrl where to reply: ephemerally, or replacing the message (5 uses within 30 minutes)
 * @param state the values typed into the message's inputs, by block id then action id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlockActions(
        String type,
        User user,
        Team team,
        Container container,
        Channel channel,
        Message message,
        @JsonProperty("response_url") String responseUrl,
        @JsonProperty("trigger_id") String triggerId,
        List<Action> actions,
        State state) {

    /** The payload type of a press on a Block Kit button. */
    public static final String TYPE = "block_actions";

    public BlockActions {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Who pressed: a Slack user id ({@code U...}) of workspace {@code teamId}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String username, @JsonProperty("team_id") String teamId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Team(String id, String domain) {
    }

    /** Where the pressed element lives: a message in a channel. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Container(String type, @JsonProperty("message_ts") String messageTs,
                            @JsonProperty("channel_id") String channelId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Channel(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String ts, String text, List<JsonNode> blocks) {

        public Message {
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
        }
    }

    /** One pressed element: for a button, its {@code action_id} and {@code value}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(@JsonProperty("action_id") String actionId, @JsonProperty("block_id") String blockId,
                         String value, String type) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(Map<String, Map<String, InputValue>> values) {
    }

    /** What an input holds; {@code value} is null while it is empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InputValue(String type, String value) {
    }
}
