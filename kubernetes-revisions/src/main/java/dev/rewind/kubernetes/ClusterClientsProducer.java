package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Produces the {@link ClusterClients} of a service that talks to Kubernetes: one API client per kubeconfig context,
 * the default one being the client Quarkus configured (in-cluster, or KUBECONFIG), all sharing its JSON model.
 */
@Singleton
public class ClusterClientsProducer {

    private static final System.Logger LOG = System.getLogger(ClusterClientsProducer.class.getName());

    @Produces
    @Singleton
    ClusterClients clusterClients(KubernetesClient defaultClient) {
        return new ClusterClients(defaultClient);
    }

    /**
     * Warms the clients' shared JSON model up in the background once the application started (readiness does not
     * wait for it): the first rollback after a start no longer pays for it ({@link KubernetesWarmUp}).
     */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object started, KubernetesClient defaultClient) {
        Thread warmUp = new Thread(() -> {
            try {
                LOG.log(System.Logger.Level.INFO, "Kubernetes client warmed up in {0} ms",
                        KubernetesWarmUp.warmUp(defaultClient.getKubernetesSerialization()).toMillis());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Kubernetes client warm-up failed; the first call pays for it", e);
            }
        }, "rewind-kubernetes-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    void close(@Disposes ClusterClients clients) {
        clients.close();
    }
}
