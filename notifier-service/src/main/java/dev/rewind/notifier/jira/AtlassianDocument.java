package dev.rewind.notifier.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A rich-text description in Atlassian Document Format (ADF), the only text Jira Cloud's API v3 accepts. */
final class AtlassianDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode doc = JSON.objectNode().put("type", "doc").put("version", 1);
    private final ArrayNode content = doc.putArray("content");

    AtlassianDocument paragraph(String text) {
        content.add(node("paragraph").set("content", JSON.arrayNode().add(text(text))));
        return this;
    }

    /** A paragraph {@code <b>label:</b> value}. */
    AtlassianDocument field(String label, String value) {
        ArrayNode inline = JSON.arrayNode();
        inline.add(text(label + ": ").set("marks", JSON.arrayNode().add(node("strong"))));
        inline.add(text(value));
        content.add(node("paragraph").set("content", inline));
        return this;
    }

    AtlassianDocument heading(int level, String text) {
        ObjectNode heading = node("heading");
        heading.putObject("attrs").put("level", level);
        heading.set("content", JSON.arrayNode().add(text(text)));
        content.add(heading);
        return this;
    }

    AtlassianDocument bullets(List<String> items) {
        ArrayNode listItems = JSON.arrayNode();
        for (String item : items) {
            ObjectNode paragraph = node("paragraph");
            paragraph.set("content", JSON.arrayNode().add(text(item)));
            listItems.add(node("listItem").set("content", JSON.arrayNode().add(paragraph)));
        }
        content.add(node("bulletList").set("content", listItems));
        return this;
    }

    ObjectNode toJson() {
        return doc.deepCopy();
    }

    private static ObjectNode node(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static ObjectNode text(String text) {
        return node("text").put("text", text);
    }
}
