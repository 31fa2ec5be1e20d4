package dev.rewind.approval.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a rollback request at the approval service, with its allowed transitions in one place. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    /** The states this one may move to. */
    public Set<ApprovalState> next() {
        return this == PENDING ? EnumSet.of(APPROVED, REJECTED, EXPIRED) : EnumSet.noneOf(ApprovalState.class);
    }

    /** This state's successor {@code to}; throws when the transition is not allowed. */
    public ApprovalState moveTo(ApprovalState to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("an approval cannot go from " + this + " to " + to);
        }
        return to;
    }
}
