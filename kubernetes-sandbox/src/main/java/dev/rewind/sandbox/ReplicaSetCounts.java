package dev.rewind.sandbox;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;

/**
 * A ReplicaSet as the paced rollout counts it: the replicas it asks for (spec), the pods it has, and those of them
 * ready (available too: minReadySeconds is not simulated).
 */
record ReplicaSetCounts(String name, int spec, int replicas, int ready) {

    /** The counts of {@code replicaSet}: its spec.replicas and its status. */
    static ReplicaSetCounts of(ReplicaSet replicaSet) {
        var status = replicaSet.getStatus();
        int replicas = status == null ? 0 : orZero(status.getReplicas());
        int ready = status == null ? 0 : orZero(status.getReadyReplicas());
        return new ReplicaSetCounts(replicaSet.getMetadata().getName(), orZero(replicaSet.getSpec().getReplicas()),
                replicas, ready);
    }

    int available() {
        return ready;
    }

    ReplicaSetCounts withSpec(int newSpec) {
        return new ReplicaSetCounts(name, newSpec, replicas, ready);
    }

    /**
     * After one step of the ReplicaSet controller and the kubelets: pods made or removed to match spec (pods still
     * starting go first), and the pods that were there before ready now if the version ever becomes ready; pods made
     * in this step are still starting.
     */
    ReplicaSetCounts settled(boolean becomesReady) {
        return new ReplicaSetCounts(name, spec, spec, becomesReady ? Math.min(replicas, spec) : 0);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
