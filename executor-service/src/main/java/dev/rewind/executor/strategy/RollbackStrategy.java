package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;

/**
 * One of the runbook's rollback methods: plans from the Deployment as it is, makes its one change, and follows it
 * to a result. The runner records the plan before {@link #apply} and the sending before the change, so that a
 * restarted executor resumes the same rollback instead of starting a second one.
 */
public interface RollbackStrategy {

    RollbackMethod method();

    /**
     * Plans the rollback of {@code observed}, which still runs the release judged bad.
     *
     * @throws MethodUnavailable when this method cannot roll it back: the next method of the chain is tried
     * @throws RollbackRefused when no method may: the rollback fails with the reason
     */
    UndoPlan plan(RollbackOrder order, ObservedDeployment observed);

    /**
     * Makes the plan's change, unless the target no longer runs what it was planned from.
     *
     * @param mayHaveBeenSent true when an earlier run of this execution may have made it already
     */
    void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent);

    /** The name of the step announced once {@link #apply} made the change. */
    default String appliedStep() {
        return "patched";
    }

    /** What people read in that step. */
    default String applied(RollbackOrder order, UndoPlan plan) {
        return "deployment.apps/" + plan.name() + " rolled back to revision " + plan.toRevision();
    }

    /** Follows the change until the target's rollout finished, failed, or ran out of time. */
    RolloutStatus follow(RollbackOrder order, UndoPlan plan);
}
