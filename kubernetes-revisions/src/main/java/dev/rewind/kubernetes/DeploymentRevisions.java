package dev.rewind.kubernetes;

import dev.rewind.events.Release;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The facts of Deployment revisions that the controller, kubectl and Rewind agree on. */
public final class DeploymentRevisions {

    public static final String REVISION = "deployment.kubernetes.io/revision";
    public static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    public static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    public static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    public static final String POD_TEMPLATE_HASH = "pod-template-hash";
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";

    private DeploymentRevisions() {
    }

    /** The revision annotation of a ReplicaSet: missing is 0, unparsable is empty (kubectl skips those). */
    public static OptionalLong revisionOf(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(REVISION);
        if (value == null) {
            return OptionalLong.of(0);
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True when {@code replicaSet} is controlled by {@code deployment} (controller owner reference with its uid). */
    public static boolean controlledBy(ReplicaSet replicaSet, Deployment deployment) {
        if (replicaSet.getMetadata().getOwnerReferences() == null) {
            return false;
        }
        for (OwnerReference owner : replicaSet.getMetadata().getOwnerReferences()) {
            if (Boolean.TRUE.equals(owner.getController())
                    && Objects.equals(owner.getUid(), deployment.getMetadata().getUid())) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code template} without the {@code pod-template-hash} label. */
    public static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        PodTemplateSpec copy = io.fabric8.kubernetes.client.utils.Serialization.clone(template);
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new HashMap<>(copy.getMetadata().getLabels());
            labels.remove(POD_TEMPLATE_HASH);
            copy.getMetadata().setLabels(labels.isEmpty() ? null : labels);
        }
        return copy;
    }

    /** Template equality as the controller and kubectl see it: ignoring the pod-template-hash label. */
    public static boolean sameTemplate(PodTemplateSpec a, PodTemplateSpec b) {
        return Objects.equals(withoutHash(a), withoutHash(b));
    }

    /** The release {@code deployment} runs: its revision annotation and the image of each container. */
    public static Release releaseOf(Deployment deployment) {
        return releaseOf(revisionOf(deployment).orElse(0),
                deployment.getSpec() == null ? null : deployment.getSpec().getTemplate());
    }

    /** The release of revision {@code revision} running {@code template}: the image of each container. */
    public static Release releaseOf(long revision, PodTemplateSpec template) {
        Map<String, String> images = new TreeMap<>();
        if (template != null && template.getSpec() != null && template.getSpec().getContainers() != null) {
            template.getSpec().getContainers().forEach(c -> images.put(c.getName(), String.valueOf(c.getImage())));
        }
        return new Release(revision, images);
    }

    /**
     * The ReplicaSets that may be {@code deployment}'s, listed as kubectl lists them: in its namespace, with its whole
     * label selector (matchLabels and matchExpressions); {@link #history} keeps those it controls.
     */
    public static List<ReplicaSet> replicaSetsOf(KubernetesClient client, Deployment deployment) {
        var inNamespace = client.apps().replicaSets().inNamespace(deployment.getMetadata().getNamespace());
        LabelSelector selector = deployment.getSpec() == null ? null : deployment.getSpec().getSelector();
        return (selector == null ? inNamespace.list() : inNamespace.withLabelSelector(selector).list()).getItems();
    }

    /**
     * The revisions of {@code deployment}, oldest first, as kubectl lists them: the ReplicaSets it controls whose
     * revision annotation parses (kubectl skips the others).
     */
    public static List<Revision> history(Deployment deployment, List<ReplicaSet> replicaSetsInNamespace) {
        List<Revision> history = new ArrayList<>();
        for (ReplicaSet rs : replicaSetsInNamespace) {
            OptionalLong revision = revisionOf(rs);
            if (controlledBy(rs, deployment) && revision.isPresent()) {
                history.add(new Revision(revision.getAsLong(), rs));
            }
        }
        history.sort(Comparator.comparingLong(Revision::number));
        return history;
    }

    /**
     * The revision {@code kubectl rollout undo --to-revision=toRevision} returns to: that revision when positive, the
     * one before the newest when 0; empty when the history has no such revision (or toRevision is negative).
     */
    public static Optional<Revision> undoTarget(List<Revision> history, long toRevision) {
        if (toRevision > 0) {
            return history.stream().filter(r -> r.number() == toRevision).findFirst();
        }
        if (toRevision < 0 || history.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(history.get(history.size() - 2));
    }

    /** The image tag of the template's first container, the version people talk about; null when untagged. */
    public static String versionOf(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null
                || template.getSpec().getContainers().isEmpty()) {
            return null;
        }
        String image = template.getSpec().getContainers().get(0).getImage();
        if (image == null) {
            return null;
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
    }
}
