package dev.rewind.executor.kubernetes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.ReleaseGuard;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.platform.environment.Environment;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The Deployment side of every rollback method, through the Kubernetes API of the target's environment: reads the
 * Deployment and its ReplicaSets, checks it still runs the release judged bad, sends a planned template's one JSON patch (a compare-and-set on the resourceVersion, planned again around writes that leave the pod template alone),
 * and follows the rollout. Works the same against a real cluster and the sandbox.
 */
@ApplicationScoped
public class DeploymentRollbacks {

    private static final Logger LOG = Logger.getLogger(DeploymentRollbacks.class);
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;

    private final TargetClusters clusters;
    private final KubernetesApi api;
    private final ExecutorConfig config;

    @Inject
    public DeploymentRollbacks(TargetClusters clusters, KubernetesApi api, ExecutorConfig config) {
        this.clusters = clusters;
        this.api = api;
        this.config = config;
    }

    /**
     * The target's Deployment once its controller observed its latest generation: refuses when it is not its
     * environment's (namespace, labels) or no longer runs {@code judged}, the release the decision was about.
     */
    @WithSpan("kubernetes observe deployment")
    public ObservedDeployment observe(TargetKey target, Release judged, long incidentNumber) {
        Environment environment = clusters.environment(target);
        KubernetesClient client = clusters.client(environment);
        Deployment deployment = awaitObserved(client, target);
        TargetClusters.requireLabels(environment, deployment);
        if (judged != null) {
            ReleaseGuard.refusal(target.namespace() + "/" + target.service(), DeploymentRevisions.releaseOf(deployment),
                    judged, incidentNumber).ifPresent(reason -> {
                        throw new RollbackRefused(reason);
                    });
        }
        return new ObservedDeployment(environment, client, deployment);
    }

    /**
     * The ReplicaSets the Deployment may own, listed as kubectl lists them: with its whole label selector
     * (matchLabels and matchExpressions); {@link DeploymentRevisions#history} keeps those it controls.
     */
    public List<ReplicaSet> replicaSets(ObservedDeployment observed) {
        return api.replicaSets(observed.client(), observed.deployment());
    }

    /**
     * Sends the plan's patch unless the Deployment no longer runs what it was planned from. A write between plan and
     * patch that left the pod template alone is planned around, at most {@code rewind.executor.conflict-attempts}
     * times; a Deployment already on the target template is this very rollback when its patch may have been sent.
     */
    @WithSpan("kubernetes patch deployment")
    public void apply(TargetKey target, UndoPlan plan, Release judged, long incidentNumber,
                      boolean patchMayHaveBeenSent) {
        KubernetesClient client = clusters.client(clusters.environment(target));
        boolean sent = patchMayHaveBeenSent;
        if (!sent) {
            FirstSend first = sendUnlessChanged(client, plan);
            if (first == FirstSend.APPLIED) {
                return;
            }
            sent = first == FirstSend.UNKNOWN;
        }
        for (int attempt = 1; ; attempt++) {
            Deployment now = api.deployment(client, plan.namespace(), plan.name());
            // Only a patch that may have been sent makes a Deployment already on the target template this rollback's
            // doing; otherwise someone else rolled it back meanwhile.
            PatchDecision decision = PatchDecision.of(plan, now, judged, incidentNumber, sent);
            switch (decision.kind()) {
                case ALREADY_APPLIED -> {
                    LOG.infof("deployment %s already runs revision %d's template: its rollback was sent before",
                            plan.deployment(), plan.toRevision());
                    return;
                }
                case REFUSE -> throw new RollbackRefused(decision.reason());
                case PATCH -> {
                    try {
                        sent = true;
                        api.patch(client, plan.namespace(), plan.name(), patchOf(decision.plan()));
                        return;
                    } catch (KubernetesClientException e) {
                        if (e.getCode() != CONFLICT) {
                            throw e;
                        }
                        if (attempt >= config.conflictAttempts()) {
                            throw new RollbackRefused("deployment " + plan.deployment() + " kept changing while "
                                    + "Rewind was rolling it back (" + attempt + " conflicting writes); not rolling "
                                    + "back: find what keeps writing it, then roll back by hand");
                        }
                        LOG.infof("deployment %s changed since planned (409): looking again", plan.deployment());
                    }
                }
                default -> throw new IllegalStateException(decision.kind().name());
            }
        }
    }

    /** What became of a plan's first patch. */
    private enum FirstSend {
        /** The API server applied it. */
        APPLIED,
        /** The API server refused it (409): the Deployment changed since it was planned; the patch changed nothing. */
        CONFLICT,
        /** No answer (a timeout, a 5xx): it may have been applied. */
        UNKNOWN
    }

    /**
     * Sends the plan's patch once, as planned, without reading the Deployment first: the patch is a compare-and-set
     * on the resourceVersion the plan was made from, which the guards checked, so the API server itself refuses it
     * (409) when anything changed since. After a conflict or no answer the Deployment is read and decided on.
     */
    private FirstSend sendUnlessChanged(KubernetesClient client, UndoPlan plan) {
        try {
            api.patchOnce(client, plan.namespace(), plan.name(), patchOf(plan));
            return FirstSend.APPLIED;
        } catch (KubernetesClientException e) {
            if (e.getCode() == CONFLICT) {
                LOG.infof("deployment %s changed since planned (409): looking again", plan.deployment());
                return FirstSend.CONFLICT;
            }
            if (e.getCode() == NOT_FOUND) {
                throw new RollbackRefused("deployments.apps \"" + plan.name() + "\" not found in namespace "
                        + plan.namespace() + ": deleted since the rollback was planned");
            }
            if (KubernetesFailures.isTransient(e)) {
                LOG.infof("deployment %s: the rollback patch got no answer (%s): looking again", plan.deployment(),
                        e.getMessage());
                return FirstSend.UNKNOWN;
            }
            throw e;
        }
    }

    /** The target's Deployment as it is now, with its environment and that environment's API client. */
    public ObservedDeployment observedNow(TargetKey target) {
        Environment environment = clusters.environment(target);
        KubernetesClient client = clusters.client(environment);
        return new ObservedDeployment(environment, client, api.deployment(client, target.namespace(),
                target.service()));
    }

    /** The target's Deployment as it is now. */
    public Deployment current(TargetKey target) {
        return api.deployment(clusters.client(clusters.environment(target)), target.namespace(), target.service());
    }

    /** Follows the rollout as {@code kubectl rollout status} does, until it finishes or the timeout passes. */
    public RolloutStatus awaitRollout(TargetKey target, UndoPlan plan) {
        return awaitRollout(target, plan, config.rolloutTimeout());
    }

    /** Follows the rollout as {@code kubectl rollout status --timeout} does. */
    @WithSpan("kubernetes follow rollout")
    public RolloutStatus awaitRollout(TargetKey target, UndoPlan plan, Duration timeout) {
        KubernetesClient client = clusters.client(clusters.environment(target));
        Instant deadline = Instant.now().plus(timeout);
        RolloutStatus status = RolloutStatus.of(api.deployment(client, plan.namespace(), plan.name()));
        while (!status.done() && Instant.now().isBefore(deadline)) {
            ExecutionInterrupted.pause(config.pollInterval());
            status = RolloutStatus.of(api.deployment(client, plan.namespace(), plan.name()));
        }
        if (!status.done()) {
            return RolloutStatus.stuck("timed out after " + timeout + " waiting for deployment \"" + plan.name()
                    + "\": " + status.message());
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

    private Deployment awaitObserved(KubernetesClient client, TargetKey target) {
        Instant deadline = Instant.now().plus(config.observeTimeout());
        while (true) {
            Deployment deployment = api.deployment(client, target.namespace(), target.service());
            Long generation = deployment.getMetadata().getGeneration();
            Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
            if (generation == null || (observed != null && observed >= generation)) {
                return deployment;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RollbackRefused("deployment \"" + target.service() + "\" generation " + generation
                        + " not observed by its controller within " + config.observeTimeout());
            }
            ExecutionInterrupted.pause(config.pollInterval());
        }
    }
}
