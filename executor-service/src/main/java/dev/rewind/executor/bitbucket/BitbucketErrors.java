package dev.rewind.executor.bitbucket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Bitbucket Cloud's error answers: {@code {"type": "error", "error": {"message": ..., "detail": ...}}}. */
public final class BitbucketErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BitbucketErrors() {
    }

    /** Bitbucket's own words in an error body (message, and detail when it adds to it); empty for any other body. */
    public static Optional<String> message(String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            String message = error.path("message").asText("");
            String detail = error.path("detail").asText("");
            if (message.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(detail.isEmpty() || detail.equals(message) ? message : message + ": " + detail);
        } catch (JsonProcessingException e) {
            // Not JSON (a proxy's HTML page, say): not Bitbucket's words.
            return Optional.empty();
        }
    }
}
