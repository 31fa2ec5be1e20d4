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

    /** An error in both hosts' shape: {@code {"message": ...}}. */
    static Reply error(int status, String message) {
        return json(status, Map.of("message", message));
    }

    static Reply text(String body) {
        return new Reply(200, "text/plain", body);
    }
}
