package dev.rewind.postmortem.domain.query;

import dev.rewind.postmortem.domain.Incident.DeadlineState;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;

/**
 * Whether a listed incident met its severity's deadline, from its row's columns: the rule {@code IncidentHistory}
 * applies to the whole record, so that a list (and the statistics' SQL, which states the same rule) never disagrees
 * with the incident's own page. Asked at read time: a pending deadline becomes missed as time passes.
 */
public final class ListedDeadline {

    private ListedDeadline() {
    }

    /**
     * @param deadlineAt detection plus the severity's deadline; null when the severity is not known
     * @param rollbackCompletedAt when the rollback rolled out, verified or not
     */
    public static DeadlineState state(IncidentStatus status, Instant deadlineAt, Instant rollbackCompletedAt,
                                      Instant now) {
        if (deadlineAt == null) {
            return DeadlineState.NOT_APPLICABLE;
        }
        if (rollbackCompletedAt != null) {
            return rollbackCompletedAt.isAfter(deadlineAt) ? DeadlineState.MISSED : DeadlineState.MET;
        }
        if (status == IncidentStatus.DECLINED || status == IncidentStatus.REJECTED) {
            return DeadlineState.NOT_APPLICABLE;
        }
        return now.isAfter(deadlineAt) ? DeadlineState.MISSED : DeadlineState.PENDING;
    }
}
