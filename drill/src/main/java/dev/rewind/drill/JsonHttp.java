package dev.rewind.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP calls of the drill and the {@code rewind} CLI: JSON or text answers, an optional bearer token, short
 * timeouts, status 0 when nothing answers.
 */
public final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String bearerToken;

    public JsonHttp(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    /** The status and body of {@code GET url}; status 0 when nothing answers. */
    public Answer get(String url) {
        return send(request(url).GET());
    }

    /** The status and body of {@code PUT url} with a text body. */
    public Answer put(String url, String body) {
        return send(request(url).PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "text/plain"));
    }

    /** The status and body of {@code DELETE url}. */
    public Answer delete(String url) {
        return send(request(url).DELETE());
    }

    /** The status and body of {@code POST url} with a JSON body. */
    public Answer postJson(String url, String json) {
        return postJson(url, json, Map.of());
    }

    /** The status and body of {@code POST url} with a JSON body and more request headers. */
    public Answer postJson(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = request(url).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    /** The JSON answer of {@code GET url}, or empty while it is not 200 (unreachable, busy, not there yet). */
    public Optional<JsonNode> jsonIfOk(String url) {
        Answer answer = get(url);
        if (answer.status() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(answer.body()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrillFailed("interrupted");
        }
    }

    /** An HTTP answer; status 0 when the request got none. */
    public record Answer(int status, String body) {

        /** The status and the start of the body, or what kept any answer from coming, for messages. */
        public String describe() {
            String text = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return status == 0 ? "nothing (" + text + ")" : status + " " + text;
        }
    }
}
