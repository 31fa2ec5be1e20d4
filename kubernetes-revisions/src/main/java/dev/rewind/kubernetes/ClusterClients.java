package dev.rewind.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Kubernetes API client per kubeconfig context: an environment names its cluster by context, or none for the
 * default client (the pod's service account in a cluster, the current kubeconfig context outside one).
 */
public final class ClusterClients implements AutoCloseable {

    private final KubernetesClient defaultClient;
    private final Map<String, KubernetesClient> byContext = new ConcurrentHashMap<>();

    public ClusterClients(KubernetesClient defaultClient) {
        this.defaultClient = defaultClient;
    }

    /** The client of the cluster behind {@code context}; the default client when empty. */
    public KubernetesClient client(Optional<String> context) {
        return context.map(name -> byContext.computeIfAbsent(name, this::connect)).orElse(defaultClient);
    }

    private KubernetesClient connect(String context) {
        Config config = Config.autoConfigure(context);
        if (!context.equals(config.getCurrentContext() == null ? null : config.getCurrentContext().getName())) {
            throw new IllegalStateException("kubeconfig context '" + context + "' not found: check KUBECONFIG and "
                    + "the environment's rewind.environments.<name>.context");
        }
        // Callers retry what is worth retrying, with their own bounds: no hidden retries underneath.
        config.setRequestRetryBackoffLimit(0);
        // One JSON model for every cluster: warmed up once (KubernetesWarmUp), not once per context.
        return new KubernetesClientBuilder().withConfig(config)
                .withKubernetesSerialization(defaultClient.getKubernetesSerialization()).build();
    }

    /** Closes the per-context clients; the default client belongs to whoever made it. */
    @Override
    public void close() {
        byContext.values().forEach(KubernetesClient::close);
    }
}
