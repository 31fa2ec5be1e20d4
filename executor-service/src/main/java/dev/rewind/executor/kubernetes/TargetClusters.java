package dev.rewind.executor.kubernetes;

import dev.rewind.events.TargetKey;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.ClusterClients;
import dev.rewind.platform.environment.Environment;
import dev.rewind.platform.environment.Environments;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a target may be acted on: only in the cluster and namespaces configured for its environment, and only on
 * Deployments carrying the environment's labels. Whatever a command says, nothing else is touched.
 */
@ApplicationScoped
public class TargetClusters {

    private final Environments environments;
    private final ClusterClients clients;

    @Inject
    public TargetClusters(Environments environments, ClusterClients clients) {
        this.environments = environments;
        this.clients = clients;
    }

    /** The configured environment of {@code target}; refuses when it is not configured or does not own the namespace. */
    public Environment environment(TargetKey target) {
        environments.refusal(target).ifPresent(reason -> {
            throw new RollbackRefused(reason);
        });
        return environments.of(target);
    }

    /** The API client of the environment's cluster. */
    public KubernetesClient client(Environment environment) {
        return clients.client(environment.context());
    }

    /** Refuses {@code deployment} when it lacks a label its environment requires. */
    public static void requireLabels(Environment environment, Deployment deployment) {
        environment.labelRefusal(deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName(),
                deployment.getMetadata().getLabels()).ifPresent(reason -> {
                    throw new RollbackRefused(reason);
                });
    }
}
