package dev.rewind.events.alert;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/** A monitoring alert for a target has stopped firing. */
@EventType("dev.rewind.alert.resolved.v1")
public record AlertResolved(
        UUID alertId,
        String source,
        String fingerprint,
        TargetKey target,
        Signal signal,
        Instant startsAt,
        Instant endsAt,
        Instant occurredAt) implements AlertEvent {

    public AlertResolved {
        required("alertId", alertId);
        requiredText("source", source);
        requiredText("fingerprint", fingerprint);
        required("target", target);
        signal = signal == null ? Signal.UNKNOWN : signal;
        required("occurredAt", occurredAt);
    }
}
