package dev.rewind.platform.probe;

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

    /** No answer because of {@code failure}, named by its root cause (the wrappers say nothing to an SRE). */
    public static HttpAnswer none(Throwable failure) {
        return none(rootMessage(failure));
    }

    /** The root cause's type and message, e.g. {@code ConnectException: Connection refused}. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
