package dev.rewind.executor.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rewind.events.TargetKey;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code kubectl rollout undo} and {@code kubectl rollout status} through the Kubernetes API: reads the Deployment
 * and its ReplicaSets, sends the one JSON patch (a compare-and-set on the resourceVersion it planned from), and
 * follows the rollout. Works the same against a real cluster and the sandbox.
 */
@ApplicationScoped
public class DeploymentRollbacks {

    private static final Logger LOG = Logger.getLogger(DeploymentRollbacks.class);
    private static final int CONFLICT = 409;

    private final KubernetesClient client;
    private final ExecutorConfig config;

    @Inject
    public DeploymentRollbacks(KubernetesClient client, ExecutorConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Plans the undo of the target's Deployment to {@code toRevision} (0 = previous), as kubectl would. */
    public UndoPlan plan(TargetKey target, long toRevision) {
        Deployment deployment = awaitObserved(target);
        List<ReplicaSet> replicaSets = client.apps().replicaSets().inNamespace(target.namespace())
                .withLabels(deployment.getSpec().getSelector().getMatchLabels()).list().getItems();
        return KubectlUndo.plan(deployment, replicaSets, toRevision);
    }

    /**
     * Sends the plan's JSON patch. When the Deployment changed since planning, the API answers 409 and nothing is
     * written: if the change is this very rollback (sent before a restart), that is success; otherwise it refuses.
     */
    public void apply(UndoPlan plan) {
        try {
            client.apps().deployments().inNamespace(plan.namespace()).withName(plan.name())
                    .patch(PatchContext.of(PatchType.JSON), patchOf(plan));
        } catch (KubernetesClientException e) {
            if (e.getCode() != CONFLICT) {
                throw e;
            }
            Deployment now = get(plan.namespace(), plan.name());
            if (!DeploymentRevisions.sameTemplate(now.getSpec().getTemplate(), plan.template())) {
                throw new RollbackRefused("deployment \"" + plan.name() + "\" changed while Rewind was rolling it "
                        + "back (expected resourceVersion " + plan.resourceVersion() + "); not patching again");
            }
            LOG.infof("deployment %s/%s already carries revision %d's template: rollback was sent before",
                    plan.namespace(), plan.name(), plan.toRevision());
        }
    }

    /** Follows the rollout as {@code kubectl rollout status} does, until it finishes or the timeout passes. */
    public RolloutStatus awaitRollout(UndoPlan plan) {
        Instant deadline = Instant.now().plus(config.rolloutTimeout());
        RolloutStatus status = RolloutStatus.of(get(plan.namespace(), plan.name()));
        while (!status.done() && Instant.now().isBefore(deadline)) {
            pause(config.pollInterval());
            status = RolloutStatus.of(get(plan.namespace(), plan.name()));
        }
        if (!status.done()) {
            return new RolloutStatus(true, true, "timed out after " + config.rolloutTimeout() + " waiting for "
                    + "deployment \"" + plan.name() + "\": " + status.message());
        }
        return status;
    }

    static String patchOf(UndoPlan plan) {
        ObjectMapper mapper = Serialization.jsonMapper();
        ArrayNode patch = mapper.createArrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", plan.resourceVersion());
        patch.addObject().put("op", "replace").put("path", "/spec/template")
                .set("value", mapper.valueToTree(plan.template()));
        patch.addObject().put("op", "replace").put("path", "/metadata/annotations")
                .set("value", mapper.valueToTree(plan.annotations()));
        return patch.toString();
    }

    private Deployment awaitObserved(TargetKey target) {
        Instant deadline = Instant.now().plus(config.observeTimeout());
        while (true) {
            Deployment deployment = get(target.namespace(), target.service());
            Long generation = deployment.getMetadata().getGeneration();
            Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
            if (generation == null || (observed != null && observed >= generation)) {
                return deployment;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RollbackRefused("deployment \"" + target.service() + "\" generation " + generation
                        + " not observed by its controller within " + config.observeTimeout());
            }
            pause(config.pollInterval());
        }
    }

    private Deployment get(String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) {
            throw new RollbackRefused("deployments.apps \"" + name + "\" not found in namespace " + namespace);
        }
        return deployment;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RollbackRefused("interrupted while waiting for the rollout");
        }
    }
}
