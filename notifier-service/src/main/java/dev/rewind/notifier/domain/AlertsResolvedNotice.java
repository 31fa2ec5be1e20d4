package dev.rewind.notifier.domain;

import dev.rewind.events.incident.ApprovalAlertsResolved;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Slack message for a rollback still awaiting people whose incident's alerts all resolved: the fault may have
 * cleared, so the approvers should weigh rejecting it. It decides nothing; people vote as before.
 */
public final class AlertsResolvedNotice {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlertsResolvedNotice() {
    }

    public static SlackMessage render(IncidentContext incident, ApprovalAlertsResolved flagged,
                                      MessageSettings settings) {
        String request = flagged.requestId().toString();
        RunbookMessage message = RunbookMessage.headed("⚠️", incident, "ALERTS RESOLVED, ROLLBACK STILL "
                        + (flagged.held() ? "HELD BY A GUARD" : "AWAITING APPROVAL"))
                .environmentAndService()
                .knownVersions();
        if (incident.severity() != null) {
            message.trusted("Severity", incident.severity().name());
        }
        return message.reason()
                .trusted("Status", flagged.held() ? "Held by a guard" : "Awaiting approval")
                .trusted("Alerts Resolved", slackDate(flagged.alertsResolvedAt()))
                .row("Note", RunbookMessage.capitalize(flagged.note()))
                .nextStep("Consider rejecting: decide in its approval message or POST /api/v1/approvals/" + request
                        + "/reject")
                .context("Request " + request)
                .render(settings);
    }

    /** Shown in each reader's own time zone by Slack; the fallback is UTC. */
    private static String slackDate(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + UTC.format(at) + ">";
    }
}
