package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import java.time.Instant;

/**
 * One person's approval of a rollback request: who, through which channel, when.
 *
 * @param channel where it was given: {@code api} or {@code slack}
 */
public record Approval(String by, String channel, Instant at) {
    public Approval {
        requiredText("by", by);
        requiredText("channel", channel);
        required("at", at);
    }
}
