package dev.rewind.executor.troubleshoot;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.ArrayList;
import java.util.List;

/** The Deployment's own say: paused, unable to create pods, past its progress deadline. */
final class DeploymentClues {

    private DeploymentClues() {
    }

    static List<Clue> of(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        String subject = "deployment " + name;
        List<Clue> clues = new ArrayList<>();
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            clues.add(new Clue(Finding.Kind.PAUSED, subject, "spec.paused is true: nothing of it rolls out",
                    "Resume it (kubectl rollout resume deployment/" + name + ") once whoever paused it agrees."));
        }
        List<DeploymentCondition> conditions = deployment.getStatus() == null
                || deployment.getStatus().getConditions() == null ? List.of()
                : deployment.getStatus().getConditions();
        for (DeploymentCondition condition : conditions) {
            if ("ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                clues.add(new Clue(Finding.Kind.REPLICA_FAILURE, subject,
                        condition.getReason() + ": " + condition.getMessage(),
                        "Its ReplicaSet cannot create pods: check the namespace's ResourceQuota and LimitRange "
                                + "and the admission webhooks."));
            } else if ("Progressing".equals(condition.getType())
                    && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                clues.add(new Clue(Finding.Kind.PROGRESS_DEADLINE, subject,
                        "deployment \"" + name + "\" exceeded its progress deadline"
                                + (condition.getMessage() == null ? "" : ": " + condition.getMessage()),
                        "Kubernetes does not roll back by itself; the other findings say why its new pods do "
                                + "not become available."));
            }
        }
        return clues;
    }
}
