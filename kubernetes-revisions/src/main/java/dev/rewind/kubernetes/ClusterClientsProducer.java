package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Produces the {@link ClusterClients} of a service that talks to Kubernetes: one API client per kubeconfig context,
 * the default one being the client Quarkus configured (in-cluster, or KUBECONFIG).
 */
@Singleton
public class ClusterClientsProducer {

    @Produces
    @Singleton
    ClusterClients clusterClients(KubernetesClient defaultClient) {
        return new ClusterClients(defaultClient);
    }

    void close(@Disposes ClusterClients clients) {
        clients.close();
    }
}
