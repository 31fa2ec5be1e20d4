package dev.rewind.executor.kubernetes;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * What {@code kubectl rollout undo} is about to write, computed from the Deployment and its ReplicaSets.
 *
 * @param resourceVersion the Deployment's resourceVersion the plan was made from: the patch is a compare-and-set on it
 * @param template the pod template to restore, without the pod-template-hash label
 * @param annotations the Deployment's new annotation map
 * @param skipped kubectl's message when the Deployment already runs the target template (nothing to patch), else null
 * @param fromTemplate the pod template the Deployment ran when planned: while it still runs it, a conflicting write
 *                     (a scale, a status, a label) is planned around; null in plans recorded before it was kept
 * @param targetAnnotations the target ReplicaSet's annotations, to recompute {@code annotations} from a newer
 *                          Deployment as kubectl would; null in plans recorded before they were kept
 */
public record UndoPlan(String namespace, String name, long fromRevision, long toRevision, String fromVersion,
                       String toVersion, String resourceVersion, PodTemplateSpec template,
                       Map<String, String> annotations, String skipped, PodTemplateSpec fromTemplate,
                       Map<String, String> targetAnnotations) {

    /** The Deployment as people name it, {@code namespace/name}. */
    public String deployment() {
        return namespace + "/" + name;
    }
}
