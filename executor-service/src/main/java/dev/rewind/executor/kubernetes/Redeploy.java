package dev.rewind.executor.kubernetes;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.kubernetes.DeploymentRevisions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The runbook's Method 3, re-deploy the last known good version, as a pure function: the Deployment's pod template
 * with each container's image pinned to the last good release's, for when the history kubectl needs is gone. Only
 * images change: a release whose containers were added or renamed since cannot be restored this way and is refused.
 */
public final class Redeploy {

    private Redeploy() {
    }

    /**
     * Plans pinning {@code lastGood}'s images on {@code deployment}.
     *
     * @param lastGood the release to return to, or null when nobody knows it
     * @throws MethodUnavailable when there is no last good release or its containers are not the Deployment's
     * @throws RollbackRefused when the Deployment is paused
     */
    public static UndoPlan plan(Deployment deployment, Release lastGood, long incidentNumber) {
        String name = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
        if (lastGood == null) {
            throw new MethodUnavailable("no last known good release to return deployment " + name + " to: the "
                    + "request named none and its rollout history has none");
        }
        if (Boolean.TRUE.equals(deployment.getSpec().getPaused())) {
            throw new RollbackRefused("you cannot rollback a paused deployment; resume it first with "
                    + "'kubectl rollout resume' and try again");
        }
        PodTemplateSpec current = deployment.getSpec().getTemplate();
        Release running = DeploymentRevisions.releaseOf(deployment);
        if (!running.images().keySet().equals(lastGood.images().keySet())) {
            throw new MethodUnavailable("deployment " + name + " runs containers " + new TreeSet<>(
                    running.images().keySet()) + " but the last good release (revision " + lastGood.revision()
                    + ") ran " + new TreeSet<>(lastGood.images().keySet()) + ": pinning images cannot restore it");
        }
        PodTemplateSpec pinned = Serialization.clone(current);
        for (Container container : pinned.getSpec().getContainers()) {
            container.setImage(lastGood.images().get(container.getName()));
        }
        String skipped = DeploymentRevisions.sameTemplate(pinned, current)
                ? "skipped redeploy (deployment already runs the images of revision " + lastGood.revision() + ")"
                : null;
        Map<String, String> cause = Map.of(DeploymentRevisions.CHANGE_CAUSE, "rewind: redeployed the images of "
                + "revision " + lastGood.revision() + (incidentNumber > 0 ? " (incident " + incidentNumber + ")" : ""));
        return new UndoPlan(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName(),
                running.revision(), lastGood.revision(), DeploymentRevisions.versionOf(current),
                DeploymentRevisions.versionOf(pinned), deployment.getMetadata().getResourceVersion(), pinned,
                annotations(deployment, cause), skipped, current, cause, RollbackMethod.REDEPLOY, null, null, null);
    }

    /**
     * The same redeploy against {@code newer}, a later state of the Deployment with the same pod template: its own
     * annotations kept, the change cause set again, the patch conditioned on its resourceVersion.
     */
    public static UndoPlan replan(UndoPlan plan, Deployment newer) {
        return new UndoPlan(plan.namespace(), plan.name(), plan.fromRevision(), plan.toRevision(), plan.fromVersion(),
                plan.toVersion(), newer.getMetadata().getResourceVersion(), plan.template(),
                annotations(newer, plan.targetAnnotations()), plan.skipped(), newer.getSpec().getTemplate(),
                plan.targetAnnotations(), plan.method(), plan.pipeline(), plan.gitChange(), plan.pause());
    }

    /** The Deployment's annotations with the change cause: unlike kubectl's undo, a redeploy keeps the others. */
    private static Map<String, String> annotations(Deployment deployment, Map<String, String> cause) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(deployment.getMetadata().getAnnotations());
        annotations.putAll(cause);
        return annotations;
    }
}
