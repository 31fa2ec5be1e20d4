package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * People were told about an incident event.
 *
 * @param channel where: slack, pagerduty, statuspage...
 * @param aboutEventId the id of the incident event the notification was about
 */
@EventType("dev.rewind.notification.delivered.v1")
public record NotificationDelivered(
        UUID incidentId,
        TargetKey target,
        String channel,
        UUID aboutEventId,
        String aboutType,
        Instant occurredAt) implements IncidentEvent {

    public NotificationDelivered {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        requiredText("channel", channel);
        required("aboutEventId", aboutEventId);
        requiredText("aboutType", aboutType);
    }
}
