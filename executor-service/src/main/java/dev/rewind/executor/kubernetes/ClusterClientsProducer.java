package dev.rewind.executor.kubernetes;

import dev.rewind.kubernetes.ClusterClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One API client per kubeconfig context; the default one is the client Quarkus configured. */
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
