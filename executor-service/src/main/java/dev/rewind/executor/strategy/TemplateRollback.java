package dev.rewind.executor.strategy;

import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;

/**
 * The methods that write the pod template to restore straight to the Deployment (kubectl's undo, the redeploy): one
 * compare-and-set JSON patch, then the rollout followed as {@code kubectl rollout status} does.
 */
abstract class TemplateRollback implements RollbackStrategy {

    protected final DeploymentRollbacks rollbacks;

    protected TemplateRollback(DeploymentRollbacks rollbacks) {
        this.rollbacks = rollbacks;
    }

    @Override
    public void apply(RollbackOrder order, UndoPlan plan, boolean mayHaveBeenSent) {
        rollbacks.apply(order.target(), plan, order.judged(), order.incidentNumber(), mayHaveBeenSent);
    }

    @Override
    public RolloutStatus follow(RollbackOrder order, UndoPlan plan) {
        return rollbacks.awaitRollout(order.target(), plan, order.rolloutTimeout());
    }
}
