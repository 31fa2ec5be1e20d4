package dev.rewind.sandbox.git;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;

/** An answer of the Git hosting stand-ins: status, content type and body. */
record Reply(int status, String contentType, String body) {

    /** {@code value} as JSON. */
    static Reply json(int status, Object value) {
        try {
            return new Reply(status, "application/json", GitHostStandIn.JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error in GitHub's and GitLab's shape: {@code {"message": ...}}. */
    static Reply error(int status, String message) {
        return json(status, Map.of("message", message));
    }

    /** An error in Bitbucket's shape: {@code {"type": "error", "error": {"message": ...}}}. */
    static Reply bitbucketError(int status, String message) {
        return json(status, Map.of("type", "error", "error", Map.of("message", message)));
    }

    static Reply text(String body) {
        return new Reply(200, "text/plain", body);
    }

    /** An answer without a body. */
    static Reply empty(int status) {
        return new Reply(status, "text/plain", "");
    }
}
