package dev.rewind.executor.kubernetes;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.gitops.GitChange;
import dev.rewind.executor.gitops.GitOpsPause;
import dev.rewind.executor.pipeline.PipelineTrigger;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * What a rollback is about to write to the Deployment (or, for the pipeline, expects its CI to leave there): the pod
 * template to restore and the annotations, computed from the Deployment and its ReplicaSets.
 *
 * @param resourceVersion the Deployment's resourceVersion the plan was made from: the patch is a compare-and-set on it
 * @param template the pod template to restore, without the pod-template-hash label
 * @param annotations the Deployment's new annotation map
 * @param skipped kubectl's message when the Deployment already runs the target template (nothing to patch), else null
 * @param fromTemplate the pod template the Deployment ran when planned: while it still runs it, a conflicting write
 *                     (a scale, a status, a label) is planned around; null in plans recorded before it was kept
 * @param targetAnnotations the target ReplicaSet's annotations, to recompute {@code annotations} from a newer
 *                          Deployment as kubectl would (for a redeploy: the annotations it sets); null in plans
 *                          recorded before they were kept
 * @param method the method that planned it; null in plans recorded before there were several, all of them kubectl's
 * @param pipeline the CI pipeline to run, for the pipeline method (the template is then what it should deploy); null
 *                 for the others
 * @param gitChange the change to make in Git, for the GitOps method (the template is then what its sync should
 *                  deploy) and for an in-cluster method run while the sync is paused (Git then catches up with the
 *                  template); null for the others
 * @param pause the GitOps sync paused while an in-cluster method rolls back, resumed once {@code gitChange} is
 *              merged; null when nothing is paused
 */
public record UndoPlan(String namespace, String name, long fromRevision, long toRevision, String fromVersion,
                       String toVersion, String resourceVersion, PodTemplateSpec template,
                       Map<String, String> annotations, String skipped, PodTemplateSpec fromTemplate,
                       Map<String, String> targetAnnotations, RollbackMethod method, PipelineTrigger pipeline,
                       GitChange gitChange, GitOpsPause pause) {

    /** The Deployment as people name it, {@code namespace/name}. */
    public String deployment() {
        return namespace + "/" + name;
    }

    /** This plan as the pipeline method's: the CI pipeline {@code trigger} is to deploy its template. */
    public UndoPlan runBy(PipelineTrigger trigger) {
        return new UndoPlan(namespace, name, fromRevision, toRevision, fromVersion, toVersion, resourceVersion, template,
                annotations, skipped, fromTemplate, targetAnnotations, RollbackMethod.PIPELINE, trigger, null, null);
    }

    /** This plan as the GitOps method's: {@code change} in Git is to make its sync deploy its template. */
    public UndoPlan changedInGit(GitChange change) {
        return new UndoPlan(namespace, name, fromRevision, toRevision, fromVersion, toVersion, resourceVersion, template,
                annotations, skipped, fromTemplate, targetAnnotations, RollbackMethod.GITOPS, null, change, null);
    }

    /**
     * This plan made while {@code pause} holds the GitOps controller's sync: once it rolled the target back,
     * {@code change} in Git is to make Git name its template, and the sync is resumed once that change is merged.
     */
    public UndoPlan pausedFor(GitChange change, GitOpsPause pause) {
        return new UndoPlan(namespace, name, fromRevision, toRevision, fromVersion, toVersion, resourceVersion, template,
                annotations, skipped, fromTemplate, targetAnnotations, method, pipeline, change, pause);
    }

    /** The method that planned it: plans recorded before there were several are kubectl's. */
    public RollbackMethod methodOrKubectl() {
        return method == null ? RollbackMethod.KUBECTL : method;
    }
}
