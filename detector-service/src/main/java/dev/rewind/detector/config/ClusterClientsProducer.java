package dev.rewind.detector.config;

import dev.rewind.kubernetes.ClusterClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** The Kubernetes clients of the configured environments' clusters; read-only use in the detector. */
@ApplicationScoped
public class ClusterClientsProducer {

    @Produces
    @ApplicationScoped
    ClusterClients clusterClients(KubernetesClient defaultClient) {
        return new ClusterClients(defaultClient);
    }

    void close(@Disposes ClusterClients clients) {
        clients.close();
    }
}
