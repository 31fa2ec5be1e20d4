package dev.rewind.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack incoming-webhook payload: fallback {@code text} plus Block Kit {@code blocks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackMessage(String text, List<Block> blocks) {

    /**
     * A message of a header, a fields block of {@code rows} (name and value each), a context line and then
     * {@code more} blocks; its fallback text is the headline and the rows, one per line.
     */
    public static SlackMessage withFields(String headline, List<String[]> rows, String context, Block... more) {
        List<Text> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder(headline);
        for (String[] row : rows) {
            fields.add(Text.markdown("*" + row[0] + "*: " + row[1]));
            text.append('\n').append(row[0]).append(": ").append(row[1]);
        }
        List<Block> blocks = new ArrayList<>(List.of(Block.header(headline), Block.fields(fields),
                Block.context(context)));
        blocks.addAll(List.of(more));
        return new SlackMessage(text.toString(), List.copyOf(blocks));
    }

    /**
     * One Block Kit block: header, section (text and fields), context (elements), input (a label and one element)
     * or actions (buttons).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, @JsonProperty("block_id") String blockId, Text text, List<Text> fields,
                        List<Element> elements, Element element, Text label, Boolean optional) {

        public static Block header(String text) {
            return new Block("header", null, Text.plain(text), null, null, null, null, null);
        }

        public static Block fields(List<Text> fields) {
            return new Block("section", null, null, fields, null, null, null, null);
        }

        public static Block context(String markdown) {
            return new Block("context", null, null, null, List.of(Text.markdown(markdown)), null, null, null);
        }

        /** An input people may leave empty; its value reaches the app with the message's next button press. */
        public static Block optionalInput(String blockId, String label, Element element) {
            return new Block("input", blockId, null, null, null, element, Text.plain(label), true);
        }

        public static Block actions(String blockId, List<Element> buttons) {
            return new Block("actions", blockId, null, null, List.copyOf(buttons), null, null, null);
        }
    }

    /** What a block holds: text, a button or a text input. */
    public sealed interface Element permits Text, Button, TextInput {
    }

    /** A text object, plain or mrkdwn. */
    public record Text(String type, String text) implements Element {

        public static Text plain(String text) {
            return new Text("plain_text", text);
        }

        public static Text markdown(String text) {
            return new Text("mrkdwn", text);
        }
    }

    /** A button: pressing it sends the app {@code actionId} and {@code value}; style primary or danger. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Button(String type, Text text, @JsonProperty("action_id") String actionId, String value,
                         String style) implements Element {

        public static Button of(String text, String actionId, String value, String style) {
            return new Button("button", Text.plain(text), actionId, value, style);
        }
    }

    /** A one-line plain text input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TextInput(String type, @JsonProperty("action_id") String actionId, Text placeholder)
            implements Element {

        public static TextInput of(String actionId, String placeholder) {
            return new TextInput("plain_text_input", actionId, Text.plain(placeholder));
        }
    }
}
