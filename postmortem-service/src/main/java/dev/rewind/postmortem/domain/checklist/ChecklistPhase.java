package dev.rewind.postmortem.domain.checklist;

import java.util.Locale;

/** The runbook's three phases of the post-rollback checklist, each due a set time after the rollback completed. */
public enum ChecklistPhase {
    /** "Immediate Actions (< 5 minutes)". */
    IMMEDIATE("Immediate Actions"),
    /** "Short-term Actions (< 30 minutes)". */
    SHORT_TERM("Short-term Actions"),
    /** "Follow-up Actions (< 24 hours)". */
    FOLLOW_UP("Follow-up Actions");

    private final String title;

    ChecklistPhase(String title) {
        this.title = title;
    }

    /** The runbook's heading. */
    public String title() {
        return title;
    }

    /** {@code immediate}, {@code short-term}, {@code follow-up}: how the API and the event name the phase. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
