package dev.rewind.executor.kubernetes;

import static dev.rewind.kubernetes.DeploymentRevisions.revisionOf;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.Revision;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl's rollback algorithm ({@code pkg/polymorphichelpers/rollback.go}) as a pure function of a Deployment and
 * the ReplicaSets of its namespace: which ReplicaSet to return to, and the template and annotations to write.
 */
public final class KubectlUndo {

    /** Deployment annotations kept on rollback; every other annotation comes from the target ReplicaSet. */
    static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            DeploymentRevisions.REVISION,
            "deployment.kubernetes.io/revision-history",
            DeploymentRevisions.DESIRED_REPLICAS,
            DeploymentRevisions.MAX_REPLICAS,
            "deprecated.deployment.rollback.to");

    private KubectlUndo() {
    }

    /**
     * Plans the undo of {@code deployment} to {@code toRevision} (0 = the previous revision).
     *
     * @throws MethodUnavailable with kubectl's message when there is no such revision (the history was garbage-collected
     *                           or never had it): another method may still roll back
     * @throws RollbackRefused with kubectl's message when the Deployment is paused: people are at work on it
     */
    public static UndoPlan plan(Deployment deployment, List<ReplicaSet> replicaSetsInNamespace, long toRevision) {
        String name = deployment.getMetadata().getName();
        if (toRevision < 0) {
            throw new RollbackRefused("unable to find specified revision " + toRevision + " in history");
        }
        List<Revision> history = DeploymentRevisions.history(deployment, replicaSetsInNamespace);
        Revision target = DeploymentRevisions.undoTarget(history, toRevision).orElseThrow(() -> new MethodUnavailable(
                toRevision > 0 ? "unable to find specified revision " + toRevision + " in history"
                        : "no rollout history found for deployment \"" + name + "\""));
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            throw new RollbackRefused("you cannot rollback a paused deployment; resume it first with "
                    + "'kubectl rollout resume' and try again");
        }
        long current = revisionOf(deployment).orElse(history.get(history.size() - 1).number());
        PodTemplateSpec restored = DeploymentRevisions.withoutHash(target.replicaSet().getSpec().getTemplate());
        String fromVersion = DeploymentRevisions.versionOf(deployment.getSpec().getTemplate());
        String toVersion = DeploymentRevisions.versionOf(restored);
        String skipped = DeploymentRevisions.sameTemplate(restored, deployment.getSpec().getTemplate())
                ? "skipped rollback (current template already matches revision " + target.number() + ")" : null;
        Map<String, String> targetAnnotations = target.replicaSet().getMetadata().getAnnotations() == null
                ? Map.of() : new HashMap<>(target.replicaSet().getMetadata().getAnnotations());
        return new UndoPlan(deployment.getMetadata().getNamespace(), name, current, target.number(), fromVersion,
                toVersion, deployment.getMetadata().getResourceVersion(), restored,
                annotations(deployment, targetAnnotations), skipped, deployment.getSpec().getTemplate(),
                targetAnnotations, RollbackMethod.KUBECTL, null, null, null);
    }

    /**
     * The same undo planned against {@code newer}, a later state of the Deployment whose pod template did not change
     * (it was scaled, its status written, or another controller labelled it): the annotations kubectl would write
     * are computed again from it, and the patch is conditioned on its resourceVersion.
     */
    public static UndoPlan replan(UndoPlan plan, Deployment newer) {
        return new UndoPlan(plan.namespace(), plan.name(), plan.fromRevision(), plan.toRevision(), plan.fromVersion(),
                plan.toVersion(), newer.getMetadata().getResourceVersion(), plan.template(),
                annotations(newer, plan.targetAnnotations()), plan.skipped(), newer.getSpec().getTemplate(),
                plan.targetAnnotations(), plan.method(), plan.pipeline(), plan.gitChange(), plan.pause());
    }

    private static Map<String, String> annotations(Deployment deployment, Map<String, String> target) {
        Map<String, String> annotations = new HashMap<>();
        Map<String, String> current = deployment.getMetadata().getAnnotations();
        if (current != null) {
            for (String key : ANNOTATIONS_TO_SKIP) {
                if (current.containsKey(key)) {
                    annotations.put(key, current.get(key));
                }
            }
        }
        target.forEach((key, value) -> {
            if (!ANNOTATIONS_TO_SKIP.contains(key)) {
                annotations.put(key, value);
            }
        });
        return annotations;
    }
}
