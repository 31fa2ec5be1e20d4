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
 * @param channel where: slack, pagerduty, statuspage, jira, git
 * @param aboutEventId the id of the incident event the notification was about
 * @param notification what was said, such as {@code rollback-started} or {@code escalated-2}; absent in records
 *                     published before 0.3
 * @param summary the timeline's words for it, such as "On-call engineer paged (PagerDuty)"; absent before 0.3
 */
@EventType("dev.rewind.notification.delivered.v1")
public record NotificationDelivered(
        UUID incidentId,
        TargetKey target,
        String channel,
        UUID aboutEventId,
        String aboutType,
        String notification,
        String summary,
        Instant occurredAt) implements IncidentEvent {

    public NotificationDelivered {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        requiredText("channel", channel);
        required("aboutEventId", aboutEventId);
        requiredText("aboutType", aboutType);
    }
}
