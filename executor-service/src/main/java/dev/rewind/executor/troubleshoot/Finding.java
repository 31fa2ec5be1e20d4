package dev.rewind.executor.troubleshoot;

/**
 * One thing the cluster says is wrong with a rollout.
 *
 * @param kind    what sort of problem, for code that reacts to it
 * @param subject the object it is about, as people name it: {@code "pod checkout-abc12"}, {@code "service checkout"}
 * @param detail  the cluster's own words, then what to do about it
 */
public record Finding(Kind kind, String subject, String detail) {

    /** The sorts of problem a diagnosis reports, declared most important first (a cause before its symptoms). */
    public enum Kind {
        /** The Deployment is paused: nothing rolls out until it is resumed. */
        PAUSED,
        /** Its ReplicaSet cannot create pods (quota, admission). */
        REPLICA_FAILURE,
        /** A container's image cannot be pulled. */
        IMAGE_PULL,
        /** A container cannot be created from its configuration (missing Secret or ConfigMap, bad command). */
        CONTAINER_CONFIG,
        /** A container keeps crashing. */
        CRASH_LOOP,
        /** A volume claim the pods use is missing, Pending or Lost. */
        VOLUME_CLAIM,
        /** A pod cannot be scheduled (resource constraints, affinity, taints). */
        UNSCHEDULABLE,
        /** A node hosting the pods runs short of memory, disk or PIDs, or evicted one of them. */
        NODE_PRESSURE,
        /** A node hosting the pods is not ready. */
        NODE_NOT_READY,
        /** A container runs but its readiness probe fails. */
        READINESS,
        /** A Service selecting the pods has no ready endpoint. */
        NO_ENDPOINTS,
        /** An Ingress routing to those Services has no load-balancer address. */
        NO_INGRESS_ADDRESS,
        /** A recent Warning event about the Deployment, its ReplicaSets, pods, claims, Services or Ingresses. */
        WARNING_EVENT,
        /** The Deployment exceeded its progress deadline: the symptom, whose cause the findings above name. */
        PROGRESS_DEADLINE,
        /** Something the diagnosis could not read, so it may have missed a cause there. */
        NOT_READ
    }

    /** The finding as a sentence of a paragraph: {@code "<subject>: <detail>"}. */
    public String text() {
        return subject + ": " + detail;
    }
}
