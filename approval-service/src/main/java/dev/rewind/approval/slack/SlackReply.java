package dev.rewind.approval.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What Rewind posts to an interaction's {@code response_url}: a message only the presser sees
 * ({@code ephemeral}), or a new version of the message whose button was pressed ({@code replace_original}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackReply(
        @JsonProperty("response_type") String responseType,
        @JsonProperty("replace_original") boolean replaceOriginal,
        String text,
        List<JsonNode> blocks) {

    /** A reply only the person who pressed sees; the message stays as it was. */
    public static SlackReply ephemeral(String text) {
        return new SlackReply("ephemeral", false, text, null);
    }

    /** The message, replaced by {@code blocks} ({@code text} is its notification and fallback). */
    public static SlackReply replacing(String text, List<JsonNode> blocks) {
        return new SlackReply(null, true, text, List.copyOf(blocks));
    }
}
