package dev.rewind.executor.kubernetes;

import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.kubernetes.gitops.GitOpsKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The executor's Kubernetes API calls, each retried with exponential backoff and jitter while it fails for a passing
 * reason ({@link KubernetesFailures}), within {@code rewind.executor.kubernetes-retry.max-duration}; then the last
 * failure is thrown. The only retry policy: fabric8's own retries are switched off in application.properties.
 */
@ApplicationScoped
public class KubernetesApi {

    private static final Logger LOG = Logger.getLogger(KubernetesApi.class);

    private final Guard retry;

    @Inject
    public KubernetesApi(ExecutorConfig config) {
        ExecutorConfig.KubernetesRetry policy = config.kubernetesRetry();
        this.retry = Guard.create().withDescription("kubernetes-api")
                .withRetry()
                .maxRetries(-1)
                .maxDuration(policy.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .delay(policy.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(policy.jitter().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(policy.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(KubernetesFailures::isTransient)
                .beforeRetry(failure -> LOG.warnf("Kubernetes API call failed (%s); retrying", failure.toString()))
                .done()
                .build();
    }

    /** The Deployment; refuses with the API server's words when there is none. */
    public Deployment deployment(KubernetesClient client, String namespace, String name) {
        Deployment deployment = call(() -> client.apps().deployments().inNamespace(namespace).withName(name).get());
        if (deployment == null) {
            throw new RollbackRefused("deployments.apps \"" + name + "\" not found in namespace " + namespace);
        }
        return deployment;
    }

    /** GitOps resource {@code namespace/name} of {@code kind} (an Application, Kustomization...); null when none. */
    public GenericKubernetesResource gitOpsResource(KubernetesClient client, GitOpsKind kind, String namespace,
                                                    String name) {
        return call(() -> client.genericKubernetesResources(kind.context()).inNamespace(namespace).withName(name)
                .get());
    }

    /** The ReplicaSets that may be {@code deployment}'s ({@link DeploymentRevisions#replicaSetsOf}). */
    public List<ReplicaSet> replicaSets(KubernetesClient client, Deployment deployment) {
        return call(() -> DeploymentRevisions.replicaSetsOf(client, deployment));
    }

    /**
     * Sends a JSON patch ({@code application/json-patch+json}) to the Deployment, and nothing else: given only a name,
     * fabric8 would read the Deployment first to address the patch, one more call before every rollback.
     */
    public void patch(KubernetesClient client, String namespace, String name, String jsonPatch) {
        call(() -> patchOnce(client, namespace, name, jsonPatch));
    }

    /**
     * Sends a JSON patch to the Deployment once, without retrying: a failure says what the API server answered, so
     * a 409 means that this patch changed nothing.
     */
    public Deployment patchOnce(KubernetesClient client, String namespace, String name, String jsonPatch) {
        Deployment addressed = new DeploymentBuilder().withNewMetadata().withNamespace(namespace).withName(name)
                .endMetadata().build();
        return client.apps().deployments().inNamespace(namespace).resource(addressed)
                .patch(PatchContext.of(PatchType.JSON), jsonPatch);
    }

    /** Runs any Kubernetes API call under this retry policy. */
    @SuppressWarnings("unchecked")
    public <T> T call(Supplier<T> request) {
        try {
            return (T) retry.call(request::get, Object.class);
        } catch (InterruptedException e) {
            // Interrupted between two attempts: the executor is stopping.
            Thread.currentThread().interrupt();
            throw new ExecutionInterrupted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
