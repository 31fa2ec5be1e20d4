package dev.rewind.postmortem.domain.checklist;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The items of the runbook's "Post-Rollback Checklist", in its order, each with its phase and a stable key. */
public enum ChecklistItem {
    VERIFY_APPLICATION_RESPONDING(ChecklistPhase.IMMEDIATE, "Verify application is responding"),
    CHECK_ERROR_RATES(ChecklistPhase.IMMEDIATE, "Check error rates returned to baseline"),
    CONFIRM_DATABASE_CONNECTIONS(ChecklistPhase.IMMEDIATE, "Confirm database connections stable"),
    VERIFY_DASHBOARDS_GREEN(ChecklistPhase.IMMEDIATE, "Verify monitoring dashboards green"),
    UPDATE_STATUS_PAGE(ChecklistPhase.IMMEDIATE, "Update status page"),
    NOTIFY_STAKEHOLDERS(ChecklistPhase.SHORT_TERM, "Notify stakeholders via Slack"),
    CREATE_INCIDENT_REPORT(ChecklistPhase.SHORT_TERM, "Create incident report"),
    DOCUMENT_ROOT_CAUSE(ChecklistPhase.SHORT_TERM, "Document root cause (preliminary)"),
    TAG_FAULTY_RELEASE(ChecklistPhase.SHORT_TERM, "Tag faulty release in Git"),
    BLOCK_FAULTY_VERSION(ChecklistPhase.SHORT_TERM, "Block faulty version from deployment"),
    UPDATE_RUNBOOK(ChecklistPhase.SHORT_TERM, "Update runbook if needed"),
    COMPLETE_POST_MORTEM(ChecklistPhase.FOLLOW_UP, "Complete post-mortem"),
    IDENTIFY_PREVENTION_MEASURES(ChecklistPhase.FOLLOW_UP, "Identify prevention measures"),
    CREATE_JIRA_TICKETS(ChecklistPhase.FOLLOW_UP, "Create Jira tickets for fixes"),
    UPDATE_DEPLOYMENT_CHECKLIST(ChecklistPhase.FOLLOW_UP, "Update deployment checklist"),
    SHARE_LEARNINGS(ChecklistPhase.FOLLOW_UP, "Share learnings with team"),
    UPDATE_MONITORING(ChecklistPhase.FOLLOW_UP, "Update monitoring/alerts if gaps found");

    private final ChecklistPhase phase;
    private final String title;

    ChecklistItem(ChecklistPhase phase, String title) {
        this.phase = phase;
        this.title = title;
    }

    public ChecklistPhase phase() {
        return phase;
    }

    /** The runbook's words. */
    public String title() {
        return title;
    }

    /** {@code update-status-page}: how the API, the database and the event name the item. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The item whose key is {@code key}. */
    public static Optional<ChecklistItem> ofKey(String key) {
        return Arrays.stream(values()).filter(item -> item.key().equals(key)).findFirst();
    }

    /** Every key, for messages that say which keys exist. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(ChecklistItem::key).toList();
    }
}
