package dev.rewind.kubernetes;

import dev.rewind.events.Release;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/** One revision in a Deployment's history: its number and the ReplicaSet that keeps its pod template. */
public record Revision(long number, ReplicaSet replicaSet) {

    /** The release this revision runs: its number and the image of each container of its pod template. */
    public Release release() {
        return DeploymentRevisions.releaseOf(number, replicaSet.getSpec().getTemplate());
    }
}
