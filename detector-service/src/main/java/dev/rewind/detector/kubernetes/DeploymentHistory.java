package dev.rewind.detector.kubernetes;

import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.kubernetes.ClusterClients;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.Revision;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * A target's Deployment history as {@code kubectl rollout history} lists it, for checking the revision a person asked
 * to return to.
 */
@ApplicationScoped
public class DeploymentHistory {

    private final ClusterClients clusters;

    @Inject
    public DeploymentHistory(ClusterClients clusters) {
        this.clusters = clusters;
    }

    /** The releases of {@code target}'s revisions, oldest first; empty when its Deployment is gone. */
    public Optional<List<Release>> of(TargetKey target, Environment environment) {
        KubernetesClient client = clusters.client(environment.context());
        Deployment deployment = client.apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).get();
        if (deployment == null) {
            return Optional.empty();
        }
        return Optional.of(DeploymentRevisions.history(deployment, DeploymentRevisions.replicaSetsOf(client,
                deployment)).stream().map(Revision::release).toList());
    }
}
