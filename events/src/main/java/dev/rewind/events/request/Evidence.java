package dev.rewind.events.request;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.rewind.events.Signal;
import java.time.Instant;
import java.util.UUID;

/**
 * One alert behind a rollback request, as approvers weigh it.
 *
 * @param source the alert's source; null only in records from versions before 0.2, whose evidence was the alert's id
 * @param observedValue the value the alert reported, when it carried one (e.g. 0.12 for a 12% error rate)
 * @param threshold the decision matrix's threshold the value was compared with, when one applies
 * @param startsAt when the alert started; null only in records from versions before 0.2, like {@code source}
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
        if (source != null || startsAt != null) { // both absent only in evidence from before 0.2 (see ofAlertId)
            requiredText("source", source);
            required("startsAt", startsAt);
        }
        signal = signal == null ? Signal.UNKNOWN : signal;
    }

    /**
     * Evidence as versions before 0.2 published it, the alert's id alone: a request still in flight during an
     * upgrade must parse, or it lands in the dead-letter topic and its incident stays open for good.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Evidence ofAlertId(String alertId) {
        return new Evidence(UUID.fromString(alertId), null, Signal.UNKNOWN, null, null, null, null);
    }
}
