package dev.rewind.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.platform.testing.RecordingHttpServer;
import java.io.IOException;
import java.util.List;

/**
 * The headlines of Slack messages ("🚨 DEVELOPMENT ROLLBACK INITIATED", ...): one rollback announces each step once,
 * so a headline seen twice about one target is a notification delivered twice, whatever else differs in the body.
 */
final class SlackHeaders {

    private SlackHeaders() {
    }

    /** The headline of each message, in delivery order; a body that is not a Block Kit message stands for itself. */
    static List<String> of(List<RecordingHttpServer.Request> messages) {
        return messages.stream().map(message -> headline(message.body())).toList();
    }

    private static String headline(String body) {
        try {
            JsonNode header = EventJson.mapper().readTree(body).at("/blocks/0/text/text");
            return header.isTextual() ? header.asText() : body;
        } catch (IOException e) {
            return body;
        }
    }
}
