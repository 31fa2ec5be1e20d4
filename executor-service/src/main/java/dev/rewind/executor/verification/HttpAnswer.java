package dev.rewind.executor.verification;

import java.util.Optional;

/**
 * What a GET got: a status and the start of the body, or why no answer came (refused, timed out, unknown host).
 *
 * @param status the HTTP status, 0 when no answer came
 */
public record HttpAnswer(int status, String body, Optional<String> failure) {

    public static HttpAnswer of(int status, String body) {
        return new HttpAnswer(status, body == null ? "" : body, Optional.empty());
    }

    public static HttpAnswer none(String failure) {
        return new HttpAnswer(0, "", Optional.of(failure));
    }
}
