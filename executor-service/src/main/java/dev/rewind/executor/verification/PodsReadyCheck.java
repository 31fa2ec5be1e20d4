package dev.rewind.executor.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Every pod of the Deployment is Running and Ready, as many as spec.replicas (runbook: kubectl get pods). */
@ApplicationScoped
public class PodsReadyCheck implements VerificationCheck {

    public static final String NAME = "pods-ready";

    private final DeploymentPods pods;

    @Inject
    public PodsReadyCheck(DeploymentPods pods) {
        this.pods = pods;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        var status = target.deployment().getStatus();
        return Optional.of(PodReadiness.judge(target.describe(), pods.pods(target), target.replicas(),
                status == null ? null : status.getReadyReplicas()));
    }
}
