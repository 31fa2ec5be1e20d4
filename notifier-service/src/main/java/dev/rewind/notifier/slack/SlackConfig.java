package dev.rewind.notifier.slack;

import dev.rewind.events.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack: a bot token (Web API, threads per incident) or an incoming webhook; neither means Slack is off. Routes pick
 * the channel by environment and severity; {@code notifications} says which kinds are posted.
 */
@ConfigMapping(prefix = "rewind.notifier.slack")
public interface SlackConfig {

    /** The bot token ({@code xoxb-...}, scope {@code chat:write}): Web API mode. A secret. */
    Optional<String> botToken();

    /** The incoming webhook URL, used when there is no bot token. A secret: whoever has it can post. */
    Optional<URI> webhookUrl();

    /** The Web API's base URL. */
    @WithDefault("https://slack.com/api")
    URI apiUrl();

    /** The Web API channel (id such as {@code C0123456789}, or name) for incidents no route matches. */
    Optional<String> channel();

    /** Connect and read timeout of each call to Slack. */
    @WithDefault("5s")
    Duration timeout();

    /** Web API routes by name, tried in the alphabetical order of their names; the first that matches wins. */
    Map<String, Route> routes();

    /** The notification kinds posted, by their names ({@code rollback-step} adds a message per step). */
    @WithDefault("approval-needed,alerts-resolved-awaiting-approval,rollback-started,rollback-succeeded,"
            + "rollback-unverified,rollback-failed,rollback-declined,approval-rejected,approval-expired,escalated,"
            + "checklist-item-overdue")
    List<String> notifications();

    /** Per escalation level (1 to 4), who the escalation message mentions: {@code <!subteam^S0DEVOPS>}. */
    Map<String, String> escalationMentions();

    /** The monitoring dashboards linked from every message ("Actions Taken"). */
    Optional<String> dashboardsUrl();

    /** How long a rollback is expected to take, as the started message's ETA says it. */
    @WithDefault("5 minutes")
    String eta();

    /** When the first message of an incident is updated to show the outcome (Web API mode). */
    @WithDefault("true")
    boolean updateFirstMessage();

    /** One route: an incident of one of these environments and severities goes to {@code channel}. */
    interface Route {

        /** The environments it takes; any when absent. */
        Optional<Set<String>> environments();

        /** The severities it takes ({@code P0,P1}); any when absent. */
        Optional<Set<Severity>> severities();

        /** The Slack channel (id or name) these incidents go to. */
        String channel();
    }
}
