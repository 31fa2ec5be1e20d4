package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.Redeploy;
import dev.rewind.executor.kubernetes.UndoPlan;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

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
        return Redeploy.plan(observed.deployment(), LastGoodRelease.of(order, observed, rollbacks),
                order.incidentNumber());
    }

    @Override
    public String applied(RollbackOrder order, UndoPlan plan) {
        return "deployment.apps/" + plan.name() + " redeployed with the images of revision " + plan.toRevision() + " ("
                + plan.toVersion() + ")";
    }
}
