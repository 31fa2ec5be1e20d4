package dev.rewind.approval.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a rollback request at the approval service, with its allowed transitions in one place. */
public enum ApprovalState {
    /** A guard held the rollback: only an explicit override by an allowed role moves it on. */
    HELD,
    /** Waiting for the approvals its policy demands. */
    PENDING,
    APPROVED,
    REJECTED,
    /** Nobody decided within the expiry limit: closed without a rollback. */
    EXPIRED;

    /** The states this one may move to. */
    public Set<ApprovalState> next() {
        return switch (this) {
            case HELD -> EnumSet.of(PENDING, APPROVED, REJECTED, EXPIRED);
            case PENDING -> EnumSet.of(APPROVED, REJECTED, EXPIRED);
            default -> EnumSet.noneOf(ApprovalState.class);
        };
    }

    /** This state's successor {@code to}; throws when the transition is not allowed. */
    public ApprovalState moveTo(ApprovalState to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("an approval cannot go from " + this + " to " + to);
        }
        return to;
    }

    /** True once the request is decided, one way or the other. */
    public boolean decided() {
        return next().isEmpty();
    }
}
