package dev.rewind.notifier.domain;

import java.util.Map;

/**
 * What the Slack messages take from configuration rather than from the incident.
 *
 * @param eta how long a rollback is expected to take, as the started message says it ("5 minutes")
 * @param dashboardsUrl the monitoring dashboards people should watch; null when none is configured
 * @param escalationMentions per escalation level (1 to 4), who to mention: {@code <!subteam^S0DEVOPS>},
 *                           {@code <@U024BE7LH>}, {@code <!here>}; trusted mrkdwn from configuration
 */
public record MessageSettings(String eta, String dashboardsUrl, Map<Integer, String> escalationMentions) {

    public MessageSettings {
        escalationMentions = Map.copyOf(escalationMentions);
    }

    /** No dashboards, nobody to mention, the runbook's ETA. */
    public static MessageSettings defaults() {
        return new MessageSettings("5 minutes", null, Map.of());
    }
}
