package dev.rewind.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The readable line of a Slack message as posted to an incoming webhook: its {@code text}'s first line. */
final class SlackText {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 160;

    private SlackText() {
    }

    static String of(String body) {
        String text;
        try {
            text = JSON.readTree(body).path("text").asText(body);
        } catch (IOException e) {
            text = body;
        }
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > MAX ? line.substring(0, MAX - 3) + "..." : line;
    }
}
