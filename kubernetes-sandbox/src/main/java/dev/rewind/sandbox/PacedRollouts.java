package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rollouts over time, for {@link SimulatedDeploymentController} in a {@link SandboxRealism} with paced rollouts: each
 * step lets the ReplicaSets' pods come and go and start ({@link Rollout#settled}), scales the ReplicaSets as one sync
 * of the Deployment controller would ({@link Rollout#rollingStep}, {@link Rollout#recreateStep}), keeps their pods
 * ({@link SimulatedPods}) and publishes the Deployment's status ({@link DeploymentProgress}). Writes only what changed.
 */
final class PacedRollouts {

    private static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

    private final KubernetesClient client;
    private final SandboxRealism realism;
    private final SimulatedPods pods;
    private final Map<String, Instant> lastSteps = new ConcurrentHashMap<>();

    PacedRollouts(KubernetesClient client, SandboxRealism realism) {
        this.client = client;
        this.realism = realism;
        this.pods = realism.pods() ? new SimulatedPods(client) : null;
    }

    /** Whether {@code deployment}'s rollout is in progress and its last step at least a step ago. */
    boolean due(Deployment deployment, Instant now) {
        Instant last = lastSteps.get(deployment.getMetadata().getUid());
        return inProgress(deployment) && (last == null || !last.plus(realism.rolloutStep()).isAfter(now));
    }

    /**
     * Whether {@code deployment}'s status says its rollout still moves: not paused, and not every desired replica
     * updated and available with no old one left.
     */
    static boolean inProgress(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            return false;
        }
        if (status == null || status.getReplicas() == null || status.getUpdatedReplicas() == null
                || status.getAvailableReplicas() == null) {
            return true;
        }
        return !DeploymentProgress.complete(status, DeploymentProgress.desired(deployment));
    }

    /**
     * One step of {@code deployment}'s rollout to {@code newReplicaSet} ({@code createdNow} when this reconcile made
     * it), among {@code owned}, its ReplicaSets; {@code holding}: its new replicas are held back (no scaling).
     *
     * @return whether the rollout is complete
     */
    boolean step(Deployment deployment, ReplicaSet newReplicaSet, boolean createdNow, List<ReplicaSet> owned,
                 boolean holding, Instant now) {
        Map<String, ReplicaSet> byName = new HashMap<>();
        owned.forEach(rs -> byName.put(rs.getMetadata().getName(), rs));
        byName.put(newReplicaSet.getMetadata().getName(), newReplicaSet);
        List<ReplicaSetCounts> oldestFirst = byName.values().stream()
                .filter(rs -> rs != newReplicaSet)
                .sorted(Comparator.comparing((ReplicaSet rs) -> String.valueOf(rs.getMetadata().getCreationTimestamp()))
                        .thenComparing(rs -> rs.getMetadata().getName()))
                .map(ReplicaSetCounts::of)
                .toList();
        Rollout settled = new Rollout(ReplicaSetCounts.of(newReplicaSet), oldestFirst)
                .settled(name -> SimulatedVersion.of(byName.get(name).getSpec().getTemplate()).becomesReady());
        Rollout scaled = holding ? settled : scale(deployment, settled);
        apply(scaled, byName, deployment.getMetadata().getNamespace(), now);
        DeploymentStatus status = publishStatus(deployment, scaled, createdNow, now);
        boolean complete = DeploymentProgress.complete(status, DeploymentProgress.desired(deployment));
        if (complete) {
            lastSteps.remove(deployment.getMetadata().getUid());
        } else {
            lastSteps.put(deployment.getMetadata().getUid(), now);
        }
        return complete;
    }

    /** Writes each ReplicaSet of {@code rollout} (of {@code byName}) that changed, and moves its pods on. */
    private void apply(Rollout rollout, Map<String, ReplicaSet> byName, String namespace, Instant now) {
        Map<String, List<Pod>> podsByOwner = pods == null ? Map.of() : pods.byReplicaSet(namespace);
        for (ReplicaSetCounts counts : rollout.all()) {
            ReplicaSet replicaSet = byName.get(counts.name());
            write(replicaSet, counts);
            if (pods != null) {
                pods.step(replicaSet, counts.replicas(),
                        podsByOwner.getOrDefault(replicaSet.getMetadata().getUid(), List.of()), now);
            }
        }
    }

    /** Publishes {@code deployment}'s status once its ReplicaSets are as {@code rollout} says, if it changed. */
    private DeploymentStatus publishStatus(Deployment deployment, Rollout rollout, boolean createdNow, Instant now) {
        int deadlineSeconds = deployment.getSpec().getProgressDeadlineSeconds() == null
                ? DEFAULT_PROGRESS_DEADLINE_SECONDS : deployment.getSpec().getProgressDeadlineSeconds();
        DeploymentStatus status = DeploymentProgress.next(deployment, rollout, createdNow,
                realism.progressDeadline(deadlineSeconds), now);
        if (!status.equals(deployment.getStatus())) {
            client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                    .withName(deployment.getMetadata().getName()).editStatus(d -> {
                        d.setStatus(status);
                        return d;
                    });
        }
        return status;
    }

    private static Rollout scale(Deployment deployment, Rollout settled) {
        int desired = DeploymentProgress.desired(deployment);
        return Fenceposts.recreates(deployment.getSpec()) ? settled.recreateStep(desired)
                : settled.rollingStep(desired, Fenceposts.of(deployment.getSpec()));
    }

    /** Writes {@code replicaSet}'s spec.replicas and status as {@code counts} says, if they differ. */
    private void write(ReplicaSet replicaSet, ReplicaSetCounts counts) {
        var resource = client.apps().replicaSets().inNamespace(replicaSet.getMetadata().getNamespace());
        ReplicaSet latest = replicaSet;
        if (!Objects.equals(replicaSet.getSpec().getReplicas(), counts.spec())) {
            latest = resource.withName(replicaSet.getMetadata().getName()).edit(rs -> {
                rs.getSpec().setReplicas(counts.spec());
                return rs;
            });
        }
        ReplicaSetStatus status = new ReplicaSetStatusBuilder().withReplicas(counts.replicas())
                .withReadyReplicas(counts.ready()).withAvailableReplicas(counts.available())
                .withFullyLabeledReplicas(counts.replicas())
                .withObservedGeneration(latest.getMetadata().getGeneration()).build();
        if (!status.equals(latest.getStatus())) {
            latest.setStatus(status);
            resource.resource(latest).updateStatus();
        }
    }
}
