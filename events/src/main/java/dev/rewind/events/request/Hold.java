package dev.rewind.events.request;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.incident.DeclineReason;

/**
 * A guard that held a rollback the decision matrix wanted: the request waits until a person allowed to overrides it
 * explicitly, with a reason, or it expires.
 *
 * @param code which guard held
 * @param reason the guard's explanation, as people read it
 */
public record Hold(DeclineReason code, String reason) {

    public Hold {
        required("code", code);
        requiredText("reason", reason);
    }
}
