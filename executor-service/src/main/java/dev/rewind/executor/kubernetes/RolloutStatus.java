package dev.rewind.executor.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * {@code kubectl rollout status}'s verdict on a Deployment (kubectl's DeploymentStatusViewer), with its messages.
 *
 * @param done true once the rollout succeeded or failed
 * @param failed true when it failed
 * @param stuck true when it failed by making no progress (its progress deadline exceeded, or the timeout passed):
 *              the one case a {@code rollout restart} may help
 */
public record RolloutStatus(boolean done, boolean failed, String message, boolean stuck) {

    public RolloutStatus(boolean done, boolean failed, String message) {
        this(done, failed, message, false);
    }

    /** A rollout that stopped progressing. */
    public static RolloutStatus stuck(String message) {
        return new RolloutStatus(true, true, message, true);
    }

    public static RolloutStatus of(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        DeploymentStatus status = deployment.getStatus();
        long generation = deployment.getMetadata().getGeneration() == null ? 0 : deployment.getMetadata().getGeneration();
        if (status == null || status.getObservedGeneration() == null || generation > status.getObservedGeneration()) {
            return waiting("Waiting for deployment spec update to be observed...");
        }
        if (status.getConditions() != null) {
            for (DeploymentCondition condition : status.getConditions()) {
                if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                    return stuck("deployment \"" + name + "\" exceeded its progress deadline");
                }
            }
        }
        int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        int updated = orZero(status.getUpdatedReplicas());
        int replicas = orZero(status.getReplicas());
        int available = orZero(status.getAvailableReplicas());
        if (updated < desired) {
            return waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of "
                    + desired + " new replicas have been updated...");
        }
        if (replicas > updated) {
            return waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + (replicas - updated)
                    + " old replicas are pending termination...");
        }
        if (available < updated) {
            return waiting("Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of "
                    + updated + " updated replicas are available...");
        }
        return new RolloutStatus(true, false, "deployment \"" + name + "\" successfully rolled out");
    }

    private static RolloutStatus waiting(String message) {
        return new RolloutStatus(false, false, message);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
