package dev.rewind.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Slack incoming-webhook payload: fallback {@code text} plus Block Kit {@code blocks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackMessage(String text, List<Block> blocks) {

    /** One Block Kit block: header, section (text and fields) or context (elements). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, Text text, List<Text> fields, List<Text> elements) {

        public static Block header(String text) {
            return new Block("header", Text.plain(text), null, null);
        }

        public static Block fields(List<Text> fields) {
            return new Block("section", null, fields, null);
        }

        public static Block context(String markdown) {
            return new Block("context", null, null, List.of(Text.markdown(markdown)));
        }
    }

    /** A text object, plain or mrkdwn. */
    public record Text(String type, String text) {

        public static Text plain(String text) {
            return new Text("plain_text", text);
        }

        public static Text markdown(String text) {
            return new Text("mrkdwn", text);
        }
    }
}
