package dev.rewind.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.RecordingHttpServer.Request;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers as Slack's Web API does when it takes a message: HTTP 200 with {@code {"ok":true,"channel","ts"}}, a new
 * {@code ts} for each {@code chat.postMessage}, the updated message's for {@code chat.update}. Remembers what it
 * answered, so tests can check a reply names its thread.
 */
public final class SlackWebApiStub {

    private static final AtomicLong NEXT_TS = new AtomicLong(1);
    private static final Map<Request, String> ANSWERED_TS = new ConcurrentHashMap<>();

    private SlackWebApiStub() {
    }

    public static Answer answer(Request request) {
        JsonNode body;
        try {
            body = EventJson.mapper().readTree(request.body());
        } catch (IOException notJson) {
            return Answer.of(200, "{\"ok\":false,\"error\":\"invalid_json\"}");
        }
        String channel = body.path("channel").asText("C0ROLLBACK");
        String ts = request.path().endsWith("/chat.update") ? body.path("ts").asText()
                : String.format("1700000000.%06d", NEXT_TS.getAndIncrement());
        ANSWERED_TS.put(request, ts);
        return Answer.of(200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\",\"message\":{}}");
    }

    /** The {@code ts} this stub answered to {@code request}. */
    public static String tsOf(Request request) {
        return ANSWERED_TS.get(request);
    }
}
