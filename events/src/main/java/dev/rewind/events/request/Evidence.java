package dev.rewind.events.request;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.Signal;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert behind a rollback request, as approvers weigh it.
 *
 * @param observedValue the value the alert reported, when it carried one (e.g. 0.12 for a 12% error rate)
 * @param threshold the decision matrix's threshold the value was compared with, when one applies
 */
public record Evidence(
        UUID alertId,
        String source,
        Signal signal,
        String summary,
        Double observedValue,
        Double threshold,
        Instant startsAt) {

    public Evidence {
        required("alertId", alertId);
        requiredText("source", source);
        signal = signal == null ? Signal.UNKNOWN : signal;
        required("startsAt", startsAt);
    }
}
