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
 */
public record UndoPlan(String namespace, String name, long fromRevision, long toRevision, String fromVersion,
                       String toVersion, String resourceVersion, PodTemplateSpec template,
                       Map<String, String> annotations, String skipped) {
}
