package dev.rewind.notifier.domain;

import dev.rewind.events.incident.ApprovalRequested;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The approval-needed Slack message: the runbook's facts (environment, service, versions, severity, reason, deadline,
 * who may approve) with a reason box and Approve and Reject buttons, whose presses the approval service receives
 * from Slack.
 */
public final class ApprovalRequest {

    /** The action ids and block ids the approval service reads back from Slack's interaction payloads. */
    public static final String APPROVE = "rewind_approve";
    public static final String REJECT = "rewind_reject";
    public static final String REASON = "rewind_reason";
    static final String DECISION_BLOCK = "rewind_decision";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ApprovalRequest() {
    }

    public static SlackMessage render(IncidentContext incident, ApprovalRequested asked, MessageSettings settings) {
        String request = asked.requestId().toString();
        RunbookMessage message = RunbookMessage.headed("⏳", incident, "ROLLBACK NEEDS APPROVAL")
                .environmentAndService()
                .knownVersions()
                .trusted("Severity", asked.severity().name())
                .reason()
                .trusted("Status", "Awaiting approval")
                .trusted("Decide By", slackDate(asked.deadline()))
                .row("Who May Approve", whoMayApprove(asked.approvals()));
        if (!asked.excluded().isEmpty()) {
            message.row("May Not Approve", String.join(", ", asked.excluded()));
        }
        return message
                .actionTaken("Rollback requested; nothing is changed before it is approved")
                .nextStep("Approve or reject below (a reason is needed to reject), or POST /api/v1/approvals/"
                        + request + "/approve or /reject")
                .nextStep("Undecided by the deadline, the incident escalates")
                .context("Request " + request)
                .then(SlackMessage.Block.optionalInput(REASON, "Reason (needed to reject)",
                                SlackMessage.TextInput.of(REASON, "Why approve or reject? Recorded with your vote")),
                        SlackMessage.Block.actions(DECISION_BLOCK, List.of(
                                SlackMessage.Button.of("Approve", APPROVE, request, "primary"),
                                SlackMessage.Button.of("Reject", REJECT, request, "danger"))))
                .render(settings);
    }

    /** {@code [[oncall, team-lead]]}: one person with either role; {@code [[team-lead], [reviewer]]}: two people. */
    static String whoMayApprove(List<List<String>> approvals) {
        String each = approvals.stream().map(roles -> String.join(" or ", roles)).collect(Collectors.joining(" + "));
        return approvals.size() == 1 ? "one person with role " + each
                : each + ", " + approvals.size() + " different people";
    }

    /** Shown in each reader's own time zone by Slack; the fallback is UTC. */
    static String slackDate(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^{date_short_pretty} {time}|" + UTC.format(at) + ">";
    }
}
