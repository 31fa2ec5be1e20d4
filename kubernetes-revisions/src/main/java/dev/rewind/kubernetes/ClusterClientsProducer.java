package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
     * wait for it): the first rollback after a start no longer pays for it ({@link KubernetesWarmUp}). Off with
     * {@code rewind.kubernetes.warm-up=false} (the services' own tests, which start often and roll back little).
     */
    void warmUp(@Observes StartupEvent started, Instance<KubernetesClient> defaultClient,
                @ConfigProperty(name = "rewind.kubernetes.warm-up", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        // The client is looked up here, once the application started, as the service's own first call would.
        Thread warmUp = new Thread(() -> {
            try {
                LOG.log(System.Logger.Level.INFO, "Kubernetes client warmed up in {0} ms",
                        KubernetesWarmUp.warmUp(defaultClient.get().getKubernetesSerialization()).toMillis());
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
