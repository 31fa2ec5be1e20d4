package dev.rewind.executor.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of one rollback execution, with its allowed transitions in one place. */
public enum ExecutionState {
    /** The command is recorded; nothing has been changed on the cluster yet. */
    ACCEPTED,
    /** The rollback was sent to the cluster; the rollout is being watched. */
    RUNNING,
    /** Rolled out and verified. */
    SUCCEEDED,
    /** Rolled out, but verification did not pass: the target changed, and people must look. */
    UNVERIFIED,
    FAILED;

    public Set<ExecutionState> next() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(RUNNING, FAILED);
            case RUNNING -> EnumSet.of(SUCCEEDED, UNVERIFIED, FAILED);
            case SUCCEEDED, UNVERIFIED, FAILED -> EnumSet.noneOf(ExecutionState.class);
        };
    }

    /** True once the execution can no longer change. */
    public boolean completed() {
        return next().isEmpty();
    }

    /** This state's successor {@code to}; throws when the transition is not allowed. */
    public ExecutionState moveTo(ExecutionState to) {
        if (!next().contains(to)) {
            throw new IllegalStateException("an execution cannot go from " + this + " to " + to);
        }
        return to;
    }
}
