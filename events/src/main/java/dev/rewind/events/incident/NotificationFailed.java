package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification could not be delivered and will not be tried again: people must be told another way.
 *
 * @param notification what was to be said, such as {@code rollback-started} or {@code escalated-2}
 * @param attempts how many times it was sent
 * @param reason the channel's last answer, or why it was not sent again
 */
@EventType("dev.rewind.notification.failed.v1")
public record NotificationFailed(
        UUID incidentId,
        TargetKey target,
        String channel,
        UUID aboutEventId,
        String aboutType,
        String notification,
        int attempts,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public NotificationFailed {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        requiredText("channel", channel);
        required("aboutEventId", aboutEventId);
        requiredText("aboutType", aboutType);
        requiredText("notification", notification);
        requiredText("reason", reason);
    }
}
