package dev.rewind.postmortem.service.checklist;

import dev.rewind.postmortem.domain.checklist.ChecklistDue;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The post-rollback checklist's settings, {@code rewind.postmortem.checklist.*}. */
@ConfigMapping(prefix = "rewind.postmortem.checklist")
public interface ChecklistConfig {

    /** How long after the rollback's completion each phase is due. */
    Due due();

    /** Announcing overdue items. */
    Overdue overdue();

    /** {@code rewind.postmortem.checklist.due.*}: the runbook's phases. */
    interface Due {
        @WithDefault("5m")
        Duration immediate();

        @WithDefault("30m")
        Duration shortTerm();

        @WithDefault("24h")
        Duration followUp();

        /** The three as the domain's {@link ChecklistDue}. */
        default ChecklistDue checklistDue() {
            return new ChecklistDue(immediate(), shortTerm(), followUp());
        }
    }

    /** {@code rewind.postmortem.checklist.overdue.*}. */
    interface Overdue {

        /** Off: overdue items are still listed, but no event announces them. */
        @WithDefault("true")
        boolean announce();

        /** How often overdue items are looked for: an item is announced at most this long after its due time. */
        @WithDefault("15s")
        Duration checkInterval();

        /**
         * Items overdue for longer than this when first found are listed but never announced: a service reading
         * old incidents again (a new deployment, a replayed topic) must not post a flood of stale reminders.
         */
        @WithDefault("24h")
        Duration announceWithin();
    }
}
