package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's status after a step of its rollout, computed as the controller's calculateStatus and
 * syncRolloutStatus do: the replica counts, Available by minimum availability, and Progressing (NewReplicaSetCreated,
 * FoundNewReplicaSet, ReplicaSetUpdated while it moves, NewReplicaSetAvailable when done, ProgressDeadlineExceeded
 * once the deadline passed since the last progress). Conditions that do not change keep their times, so that an
 * unchanged rollout computes an equal status.
 */
final class DeploymentProgress {

    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String NEW_REPLICA_SET_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_REPLICA_SET = "FoundNewReplicaSet";
    static final String REPLICA_SET_UPDATED = "ReplicaSetUpdated";
    static final String NEW_REPLICA_SET_AVAILABLE = "NewReplicaSetAvailable";
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

    private final Deployment deployment;
    private final DeploymentStatus previous;
    private final Instant now;
    private final List<DeploymentCondition> conditions;

    private DeploymentProgress(Deployment deployment, Instant now) {
        this.deployment = deployment;
        this.previous = deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
        this.now = now;
        this.conditions = new ArrayList<>(previous.getConditions() == null ? List.of() : previous.getConditions());
    }

    /**
     * The status of {@code deployment} (its spec, and its status before this step) once its ReplicaSets are as
     * {@code rollout} says, {@code createdNow} when this step created the new ReplicaSet, at {@code now}.
     */
    static DeploymentStatus next(Deployment deployment, Rollout rollout, boolean createdNow, Duration deadline,
                                 Instant now) {
        return new DeploymentProgress(deployment, now).next(rollout, createdNow, deadline);
    }

    private DeploymentStatus next(Rollout rollout, boolean createdNow, Duration deadline) {
        int desired = desired(deployment);
        int available = rollout.available();
        DeploymentStatus status = new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(rollout.replicas())
                .withUpdatedReplicas(rollout.newReplicaSet().replicas())
                .withReadyReplicas(rollout.ready())
                .withAvailableReplicas(available)
                .withUnavailableReplicas(Math.max(rollout.totalSpec() - available, 0))
                .withCollisionCount(previous.getCollisionCount())
                .build();
        boolean minimumAvailable = available >= desired - Fenceposts.of(deployment.getSpec()).maxUnavailable();
        set(AVAILABLE, minimumAvailable ? "True" : "False",
                minimumAvailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                minimumAvailable ? "Deployment has minimum availability."
                        : "Deployment does not have minimum availability.");
        String replicaSet = "ReplicaSet \"" + rollout.newReplicaSet().name() + "\"";
        if (createdNow) {
            set(PROGRESSING, "True", NEW_REPLICA_SET_CREATED,
                    "Created new replica set \"" + rollout.newReplicaSet().name() + "\"");
        } else if (condition(PROGRESSING).isEmpty()) {
            set(PROGRESSING, "True", FOUND_NEW_REPLICA_SET,
                    "Found new replica set \"" + rollout.newReplicaSet().name() + "\"");
        }
        Optional<DeploymentCondition> progressing = condition(PROGRESSING);
        boolean alreadyComplete = status.getReplicas().equals(status.getUpdatedReplicas())
                && progressing.filter(c -> NEW_REPLICA_SET_AVAILABLE.equals(c.getReason())).isPresent();
        if (!alreadyComplete) {
            if (complete(status, desired)) {
                set(PROGRESSING, "True", NEW_REPLICA_SET_AVAILABLE, replicaSet + " has successfully progressed.");
            } else if (progressed(status)) {
                markProgress(progressing, replicaSet + " is progressing.");
            } else if (timedOut(progressing, deadline)) {
                set(PROGRESSING, "False", PROGRESS_DEADLINE_EXCEEDED, replicaSet + " has timed out progressing.");
            }
        }
        status.setConditions(conditions);
        return status;
    }

    /** The replicas {@code deployment} asks for (1 when unset). */
    static int desired(Deployment deployment) {
        return deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    }

    /** Every replica updated and available, no old one left (DeploymentComplete). */
    static boolean complete(DeploymentStatus status, int desired) {
        return status.getUpdatedReplicas() == desired && status.getReplicas() == desired
                && status.getAvailableReplicas() == desired;
    }

    /** More updated, ready or available replicas than before, or fewer old ones (DeploymentProgressing). */
    private boolean progressed(DeploymentStatus status) {
        int oldBefore = orZero(previous.getReplicas()) - orZero(previous.getUpdatedReplicas());
        int oldNow = status.getReplicas() - status.getUpdatedReplicas();
        return status.getUpdatedReplicas() > orZero(previous.getUpdatedReplicas()) || oldNow < oldBefore
                || status.getReadyReplicas() > orZero(previous.getReadyReplicas())
                || status.getAvailableReplicas() > orZero(previous.getAvailableReplicas());
    }

    /** Progressing True ReplicaSetUpdated as of now; its transition time stays while it was True already. */
    private void markProgress(Optional<DeploymentCondition> current, String message) {
        String transition = current.filter(c -> "True".equals(c.getStatus()))
                .map(DeploymentCondition::getLastTransitionTime).orElse(now.toString());
        conditions.removeIf(c -> PROGRESSING.equals(c.getType()));
        conditions.add(condition(PROGRESSING, "True", REPLICA_SET_UPDATED, message, transition));
    }

    /** Whether the deadline passed since the last progress (DeploymentTimedOut). */
    private boolean timedOut(Optional<DeploymentCondition> progressing, Duration deadline) {
        if (progressing.isEmpty() || NEW_REPLICA_SET_AVAILABLE.equals(progressing.get().getReason())) {
            return false;
        }
        if (PROGRESS_DEADLINE_EXCEEDED.equals(progressing.get().getReason())) {
            return true;
        }
        try {
            return Instant.parse(progressing.get().getLastUpdateTime()).plus(deadline).isBefore(now);
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    /** SetDeploymentCondition: no change for the same status and reason; the transition time stays with the status. */
    private void set(String type, String status, String reason, String message) {
        Optional<DeploymentCondition> current = condition(type);
        if (current.isPresent() && status.equals(current.get().getStatus())
                && reason.equals(current.get().getReason())) {
            return;
        }
        String transition = current.filter(c -> status.equals(c.getStatus()))
                .map(DeploymentCondition::getLastTransitionTime).orElse(now.toString());
        conditions.removeIf(c -> type.equals(c.getType()));
        conditions.add(condition(type, status, reason, message, transition));
    }

    private DeploymentCondition condition(String type, String status, String reason, String message,
                                          String transition) {
        return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).withLastUpdateTime(now.toString()).withLastTransitionTime(transition).build();
    }

    private Optional<DeploymentCondition> condition(String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
