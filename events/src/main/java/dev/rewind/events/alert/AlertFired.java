package dev.rewind.events.alert;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A monitoring alert is firing for a target.
 *
 * @param observedValue the measured value when the alert carries one (an error rate of 0.12 is 12%)
 * @param version the version (image tag) running when the alert fired, when the alert names it
 */
@EventType("dev.rewind.alert.fired.v1")
public record AlertFired(
        UUID alertId,
        String source,
        String fingerprint,
        TargetKey target,
        Signal signal,
        Double observedValue,
        String summary,
        String version,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant occurredAt) implements AlertEvent {

    public AlertFired {
        required("alertId", alertId);
        requiredText("source", source);
        requiredText("fingerprint", fingerprint);
        required("target", target);
        signal = signal == null ? Signal.UNKNOWN : signal;
        labels = copyOrEmpty(labels);
        annotations = copyOrEmpty(annotations);
        required("startsAt", startsAt);
        required("occurredAt", occurredAt);
    }
}
