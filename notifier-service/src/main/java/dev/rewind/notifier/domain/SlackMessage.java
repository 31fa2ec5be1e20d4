package dev.rewind.notifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack message: fallback {@code text} plus Block Kit {@code blocks}, within Slack's limits (a header of 150
 * characters, fields of 2,000, ten fields a section, section text of 3,000, 50 blocks): longer text is cut.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackMessage(String text, List<Block> blocks) {

    static final int MAX_HEADER = 150;
    static final int MAX_FIELD = 2000;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_FIELDS_PER_SECTION = 10;
    static final int MAX_BLOCKS = 50;
    /** Slack shows at most 4,000 characters of a notification's text; the blocks carry the rest. */
    static final int MAX_TEXT = 4000;

    public SlackMessage {
        text = cut(text, MAX_TEXT);
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("Slack takes at most " + MAX_BLOCKS + " blocks, got " + blocks.size());
        }
        blocks = List.copyOf(blocks);
    }

    /**
     * A message of a header, a fields block of {@code rows} (name and value each, the value mrkdwn), a context line
     * and then {@code more} blocks; its fallback text is the headline and the rows, one per line.
     */
    public static SlackMessage withFields(String headline, List<String[]> rows, String context, Block... more) {
        StringBuilder text = new StringBuilder(headline);
        for (String[] row : rows) {
            text.append('\n').append(row[0]).append(": ").append(row[1]);
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.header(headline));
        blocks.addAll(Block.fieldSections(rows));
        blocks.add(Block.context(context));
        blocks.addAll(List.of(more));
        return new SlackMessage(text.toString(), blocks);
    }

    /**
     * Text from an event or a person, made safe for mrkdwn: Slack reads {@code <!channel>}, {@code <@U123>} and
     * {@code <url|label>} in it, so a typed reason could otherwise page a whole channel.
     */
    public static String escape(String text) {
        return text == null ? null : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }

    /**
     * One Block Kit block: header, section (text and fields), context (elements), divider, input (a label and one
     * element) or actions (buttons).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String type, @JsonProperty("block_id") String blockId, Text text, List<Text> fields,
                        List<Element> elements, Element element, Text label, Boolean optional) {

        public static Block header(String text) {
            return new Block("header", null, Text.plain(cut(text, MAX_HEADER)), null, null, null, null, null);
        }

        /** A section of up to ten fields; each field is cut to Slack's 2,000 characters. */
        public static Block fields(List<Text> fields) {
            if (fields.size() > MAX_FIELDS_PER_SECTION) {
                throw new IllegalArgumentException("a section holds at most " + MAX_FIELDS_PER_SECTION + " fields");
            }
            List<Text> cut = fields.stream().map(field -> new Text(field.type(), cut(field.text(), MAX_FIELD)))
                    .toList();
            return new Block("section", null, null, cut, null, null, null, null);
        }

        /** {@code *Name*: value} fields, ten a section as Slack allows. */
        static List<Block> fieldSections(List<String[]> rows) {
            List<Block> sections = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += MAX_FIELDS_PER_SECTION) {
                List<Text> fields = rows.subList(from, Math.min(rows.size(), from + MAX_FIELDS_PER_SECTION))
                        .stream().map(row -> Text.markdown("*" + row[0] + "*: " + row[1])).toList();
                sections.add(fields(fields));
            }
            return sections;
        }

        /** A section of mrkdwn text, cut to Slack's 3,000 characters. */
        public static Block section(String markdown) {
            return new Block("section", null, Text.markdown(cut(markdown, MAX_SECTION_TEXT)), null, null, null, null,
                    null);
        }

        public static Block context(String markdown) {
            return new Block("context", null, null, null, List.of(Text.markdown(cut(markdown, MAX_FIELD))), null,
                    null, null);
        }

        public static Block divider() {
            return new Block("divider", null, null, null, null, null, null, null);
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
