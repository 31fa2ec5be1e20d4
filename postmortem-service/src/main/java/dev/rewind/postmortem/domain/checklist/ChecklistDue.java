package dev.rewind.postmortem.domain.checklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long after the rollback's completion each phase is due.
 *
 * @param immediate the runbook's "< 5 minutes"
 * @param shortTerm the runbook's "< 30 minutes"
 * @param followUp the runbook's "< 24 hours"
 */
public record ChecklistDue(Duration immediate, Duration shortTerm, Duration followUp) {

    public ChecklistDue {
        Objects.requireNonNull(immediate, "immediate");
        Objects.requireNonNull(shortTerm, "shortTerm");
        Objects.requireNonNull(followUp, "followUp");
    }

    /** The runbook's times: 5 minutes, 30 minutes, 24 hours. */
    public static ChecklistDue runbook() {
        return new ChecklistDue(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(24));
    }

    /** How long after the rollback's completion {@code phase} is due. */
    public Duration of(ChecklistPhase phase) {
        return switch (phase) {
            case IMMEDIATE -> immediate;
            case SHORT_TERM -> shortTerm;
            case FOLLOW_UP -> followUp;
        };
    }

    /** When {@code phase} is due for a rollback completed at {@code rollbackCompletedAt}. */
    public Instant dueAt(ChecklistPhase phase, Instant rollbackCompletedAt) {
        return rollbackCompletedAt.plus(of(phase));
    }
}
