package dev.rewind.executor.verification;

import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.kubernetes.KubernetesApi;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Every pod of the Deployment is Running and Ready, as many as spec.replicas (runbook: kubectl get pods). Looked at
 * again within a short window: an autoscaler may have scaled the Deployment right after its rollout finished.
 */
@ApplicationScoped
public class PodsReadyCheck implements VerificationCheck {

    public static final String NAME = "pods-ready";

    private final DeploymentPods pods;
    private final KubernetesApi api;
    private final RetryWindow retry;

    @Inject
    public PodsReadyCheck(DeploymentPods pods, KubernetesApi api, VerificationConfig config) {
        this.pods = pods;
        this.api = api;
        this.retry = new RetryWindow("pods-ready check", config.podsReady().retryWindow(),
                config.podsReady().retryInterval());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<CheckResult> run(VerificationTarget target) {
        try {
            return Optional.of(retry.await(() -> {
                Deployment now = api.call(() -> target.client().apps().deployments().inNamespace(target.namespace())
                        .withName(target.deployment().getMetadata().getName()).get());
                Deployment deployment = now == null ? target.deployment() : now;
                var status = deployment.getStatus();
                int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
                return PodReadiness.judge(target.describe(), pods.pods(target), replicas,
                        status == null ? null : status.getReadyReplicas());
            }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        }
    }
}
