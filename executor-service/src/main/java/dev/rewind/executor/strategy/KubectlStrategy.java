package dev.rewind.executor.strategy;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.KubectlUndo;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.UndoPlan;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

/** The runbook's Method 2 without Helm: {@code kubectl rollout undo [--to-revision=N]}, as kubectl does it. */
@Singleton
public class KubectlStrategy extends TemplateRollback {

    @Inject
    public KubectlStrategy(DeploymentRollbacks rollbacks) {
        super(rollbacks);
    }

    @Override
    public RollbackMethod method() {
        return RollbackMethod.KUBECTL;
    }

    @Override
    public UndoPlan plan(RollbackOrder order, ObservedDeployment observed) {
        return KubectlUndo.plan(observed.deployment(), rollbacks.replicaSets(observed), order.toRevision());
    }
}
