package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.Revision;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The runbook's Method 3: pin the last known good images on the Deployment's containers. The last good release is
 * the revision asked for or the previous one, read from the rollout history while it lasts, else the release the
 * request expected to return to (the detector read it from the cluster when it decided).
 */
@Singleton
public class RedeployStrategy extends TemplateRollback {

    @Inject
    public RedeployStrategy(DeploymentRollbacks rollbacks) {
        super(rollbacks);
    }

    @Override
    public RollbackMethod method() {
        return RollbackMethod.REDEPLOY;
    }

    @Override
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed) {
        return Redeploy.plan(observed.deployment(), lastGood(order, observed), order.incidentNumber());
    }

    @Override
    public String applied(UndoPlan plan) {
        return "deployment.apps/" + plan.name() + " redeployed with the images of revision " + plan.toRevision() + " ("
                + plan.toVersion() + ")";
    }

    private Release lastGood(RollbackOrder order, ObservedDeployment observed) {
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
