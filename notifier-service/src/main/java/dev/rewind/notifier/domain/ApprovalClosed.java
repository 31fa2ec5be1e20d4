package dev.rewind.notifier.domain;

import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalRejected;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The Slack messages for a rollback request closed without a rollback: rejected by a person, or expired undecided. */
public final class ApprovalClosed {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ApprovalClosed() {
    }

    public static SlackMessage rejected(IncidentContext incident, ApprovalRejected rejected,
                                        MessageSettings settings) {
        return RunbookMessage.headed("✋", incident, "ROLLBACK REJECTED")
                .environmentAndService()
                .knownVersions()
                .reason()
                .trusted("Status", "Rejected: no rollback")
                .trusted("Rejected By", "@" + SlackMessage.escape(rejected.rejectedBy()))
                .row("Rejection Reason", rejected.reason())
                .actionTaken("Rollback request closed without a rollback")
                .nextStep("Fix forward, or ask for a new rollback if the fault persists")
                .nextStep("Monitor error rates and update stakeholders")
                .context("Request " + rejected.requestId())
                .render(settings);
    }

    public static SlackMessage expired(IncidentContext incident, ApprovalExpired expired, MessageSettings settings) {
        Duration waited = Duration.between(expired.requestedAt(), expired.occurredAt());
        return RunbookMessage.headed("⌛", incident, "ROLLBACK APPROVAL EXPIRED")
                .environmentAndService()
                .knownVersions()
                .reason()
                .trusted("Status", "Expired undecided: no rollback")
                .trusted("Requested At", slackDate(expired.requestedAt()))
                .trusted("Waited", minutes(waited))
                .actionTaken("Rollback request closed without a rollback; the incident is closed as expired")
                .nextStep("If the fault persists, ask for a rollback again (POST /api/v1/rollbacks) or fix forward")
                .nextStep("Find out why nobody decided: check the approvers and the escalation targets")
                .context("Request " + expired.requestId())
                .render(settings);
    }

    private static String minutes(Duration waited) {
        long minutes = Math.max(0, waited.toMinutes());
        return minutes < 120 ? minutes + " minutes" : (minutes / 60) + " hours " + (minutes % 60) + " minutes";
    }

    private static String slackDate(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UTC.format(at) + ">";
    }
}
