package dev.rewind.notifier.domain;

import dev.rewind.events.incident.ApprovalAlertsResolved;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

    public static SlackMessage render(IncidentContext incident, ApprovalAlertsResolved flagged) {
        String environment = incident.target().environment();
        String headline = "⚠️ " + environment.toUpperCase(Locale.ROOT) + " ALERTS RESOLVED, ROLLBACK STILL "
                + (flagged.held() ? "HELD BY A GUARD" : "AWAITING APPROVAL");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Environment", capitalize(environment)});
        rows.add(new String[] {"Service", incident.target().service()});
        if (incident.severity() != null) {
            rows.add(new String[] {"Severity", incident.severity().name()});
        }
        rows.add(new String[] {"Reason", incident.reason() == null || incident.reason().isBlank() ? "unknown"
                : incident.reason()});
        rows.add(new String[] {"Alerts Resolved", slackDate(flagged.alertsResolvedAt())});
        rows.add(new String[] {"Note", capitalize(flagged.note())});
        return SlackMessage.withFields(headline, rows, incident.reference() + " · Request " + flagged.requestId()
                + " · decide in its approval message or POST /api/v1/approvals/" + flagged.requestId() + "/reject");
    }

    /** Shown in each reader's own time zone by Slack; the fallback is UTC. */
    private static String slackDate(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + UTC.format(at) + ">";
    }

    private static String capitalize(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
