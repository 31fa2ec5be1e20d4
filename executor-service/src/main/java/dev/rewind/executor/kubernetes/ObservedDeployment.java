package dev.rewind.executor.kubernetes;

import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A target's Deployment as a rollback method plans from it: observed by its controller, in its environment, still
 * running the release judged bad.
 *
 * @param client the API client of the environment's cluster
 */
public record ObservedDeployment(Environment environment, KubernetesClient client, Deployment deployment) {

    /** An annotation of the Deployment, or null. */
    public String annotation(String key) {
        var annotations = deployment.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
