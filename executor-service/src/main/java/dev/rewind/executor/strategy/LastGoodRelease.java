package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.Revision;
import java.util.List;

/**
 * The release to return to when not undoing through the rollout history: the revision asked for (or the previous
 * one) while the history still has it, else the release the request expected to return to, which the detector read
 * from the cluster when it decided.
 */
final class LastGoodRelease {

    private LastGoodRelease() {
    }

    /** The last good release of {@code observed}, or null when nobody knows it. */
    static Release of(RollbackOrder order, ObservedDeployment observed, DeploymentRollbacks rollbacks) {
        List<Revision> history = DeploymentRevisions.history(observed.deployment(), rollbacks.replicaSets(observed));
        var fromHistory = DeploymentRevisions.undoTarget(history, order.toRevision())
                .map(r -> DeploymentRevisions.releaseOf(r.number(), r.replicaSet().getSpec().getTemplate()));
        if (fromHistory.isPresent()) {
            return fromHistory.get();
        }
        Release expected = order.rollbackTo();
        boolean asked = expected != null && (order.toRevision() == 0 || expected.revision() == order.toRevision());
        return asked ? expected : null;
    }
}
