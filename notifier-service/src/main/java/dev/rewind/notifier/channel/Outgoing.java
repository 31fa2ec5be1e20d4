package dev.rewind.notifier.channel;

import dev.rewind.platform.http.Problems;

/**
 * One delivery a channel planned: at most one per incident, channel and {@code notification}, however often the
 * event that caused it is delivered.
 *
 * @param notification what is said, unique within the incident and channel: {@code rollback-started},
 *                     {@code escalated-2}, {@code pagerduty-resolve}...
 * @param summary the timeline's words once delivered: "Slack: rollback started", "On-call engineer paged (PagerDuty)"
 * @param payload what the channel needs to send it, as the channel wrote it (JSON)
 */
public record Outgoing(String notification, String summary, String payload) {

    public Outgoing {
        if (notification == null || !notification.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("notification must be lower-case words joined by '-', got '"
                    + notification + "'");
        }
        if (summary == null || summary.isBlank() || payload == null) {
            throw new IllegalArgumentException("an outgoing notification needs a summary and a payload");
        }
    }
}
