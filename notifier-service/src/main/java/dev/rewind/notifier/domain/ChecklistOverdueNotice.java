package dev.rewind.notifier.domain;

import dev.rewind.events.incident.ChecklistItemOverdue;

/**
 * The Slack message for a post-rollback checklist item nobody checked by its due time: which item, its phase, when it
 * was due, and how to check it off. A reply in the incident's thread, not shown in the channel.
 */
public final class ChecklistOverdueNotice {

    private ChecklistOverdueNotice() {
    }

    public static SlackMessage render(IncidentContext incident, ChecklistItemOverdue overdue,
                                      MessageSettings settings) {
        return RunbookMessage.headed("⏰", incident, "CHECKLIST ITEM OVERDUE")
                .environmentAndService()
                .row("Item", overdue.title())
                .trusted("Phase", phase(overdue.phase()))
                .trusted("Due", ApprovalRequest.slackDate(overdue.dueAt()))
                .trusted("Status", "Not checked")
                .nextStep("Do it, then check it off: PUT /api/v1/incidents/"
                        + (incident.incidentNumber() == null ? overdue.incidentId() : incident.incidentNumber())
                        + "/checklist/" + SlackMessage.escape(overdue.item()) + " {\"checked\": true, \"note\": ...}")
                .render(settings);
    }

    /** The runbook's heading of {@code phase} (its time is the post-mortem service's setting, so not said here) ({@code immediate}, {@code short-term}, {@code follow-up}). */
    static String phase(String phase) {
        return switch (phase) {
            case "immediate" -> "Immediate actions";
            case "short-term" -> "Short-term actions";
            case "follow-up" -> "Follow-up actions";
            default -> SlackMessage.escape(phase);
        };
    }
}
