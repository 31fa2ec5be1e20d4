package dev.rewind.executor.domain;

/**
 * This rollback method cannot roll the target back (not configured, no history to return to, its pipeline failed)
 * while the target is still what the decision saw: the next method of the chain is tried.
 */
public class MethodUnavailable extends RollbackRefused {

    public MethodUnavailable(String reason) {
        super(reason);
    }
}
