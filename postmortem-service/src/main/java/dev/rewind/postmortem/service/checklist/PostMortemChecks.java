package dev.rewind.postmortem.service.checklist;

import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.checklist.ChecklistItem;
import dev.rewind.postmortem.domain.checklist.Mark;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writing the post-mortem does two of the checklist's items: a root cause written there documents it, action items
 * written there identify the prevention measures. Each is checked for its author, once, when the checklist has begun.
 */
@ApplicationScoped
public class PostMortemChecks {

    private final Checklists checklists;

    @Inject
    public PostMortemChecks(Checklists checklists) {
        this.checklists = checklists;
    }

    /** Checks what an edit by {@code by} did; the caller holds the incident's row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void edited(Incident incident, boolean wroteRootCause, boolean wroteActionItems, String by, Instant at) {
        if (wroteRootCause) {
            check(incident, ChecklistItem.DOCUMENT_ROOT_CAUSE, by, at, "root cause written in the post-mortem");
        }
        if (wroteActionItems) {
            check(incident, ChecklistItem.IDENTIFY_PREVENTION_MEASURES, by, at,
                    "action items written in the post-mortem");
        }
    }

    private void check(Incident incident, ChecklistItem item, String by, Instant at, String note) {
        boolean open = checklists.of(incident).map(checklist -> !checklist.entry(item).checked())
                .orElse(false);
        if (open) {
            checklists.mark(incident, new Mark(item, true, by, at, note));
        }
    }
}
