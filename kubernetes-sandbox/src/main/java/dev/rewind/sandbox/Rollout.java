package dev.rewind.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Deployment's ReplicaSets in the middle of a rollout, as counts: the new one (whose template is the Deployment's)
 * and the old ones, oldest first. Each step returns the next state, as the controllers' arithmetic does
 * (pkg/controller/deployment/rolling.go and recreate.go): one scaling action per sync.
 */
record Rollout(ReplicaSetCounts newReplicaSet, List<ReplicaSetCounts> old) {

    Rollout {
        old = List.copyOf(old);
    }

    /** After one step of the ReplicaSet controller and the kubelets ({@link ReplicaSetCounts#settled}). */
    Rollout settled(Predicate<String> becomesReady) {
        return new Rollout(newReplicaSet.settled(becomesReady.test(newReplicaSet.name())),
                old.stream().map(rs -> rs.settled(becomesReady.test(rs.name()))).toList());
    }

    /**
     * One sync of a RollingUpdate: scales the new ReplicaSet up within {@code desired + maxSurge} pods; if it did
     * not, scales the old ones down, unhealthy replicas first, keeping {@code desired - maxUnavailable} available.
     */
    Rollout rollingStep(int desired, Fenceposts fenceposts) {
        Rollout scaledUp = scaleNewUp(desired, fenceposts);
        return scaledUp.equals(this) ? scaleOldDown(desired, fenceposts) : scaledUp;
    }

    /** One sync of a Recreate: the old ReplicaSets to 0, then, once their pods are gone, the new one to desired. */
    Rollout recreateStep(int desired) {
        if (old.stream().anyMatch(rs -> rs.spec() > 0)) {
            return new Rollout(newReplicaSet, old.stream().map(rs -> rs.withSpec(0)).toList());
        }
        if (old.stream().anyMatch(rs -> rs.replicas() > 0)) {
            return this;
        }
        return new Rollout(newReplicaSet.withSpec(desired), old);
    }

    private Rollout scaleNewUp(int desired, Fenceposts fenceposts) {
        int spec = newReplicaSet.spec();
        if (spec >= desired) {
            return spec == desired ? this : new Rollout(newReplicaSet.withSpec(desired), old);
        }
        int room = desired + fenceposts.maxSurge() - totalSpec();
        if (room <= 0) {
            return this;
        }
        return new Rollout(newReplicaSet.withSpec(spec + Math.min(room, desired - spec)), old);
    }

    private Rollout scaleOldDown(int desired, Fenceposts fenceposts) {
        int minAvailable = desired - fenceposts.maxUnavailable();
        int newUnavailable = newReplicaSet.spec() - newReplicaSet.available();
        int maxScaledDown = totalSpec() - minAvailable - newUnavailable;
        if (old.stream().mapToInt(ReplicaSetCounts::spec).sum() == 0 || maxScaledDown <= 0) {
            return this;
        }
        List<ReplicaSetCounts> scaled = new ArrayList<>(old);
        int cleanedUp = 0;
        for (int i = 0; i < scaled.size() && cleanedUp < maxScaledDown; i++) {
            ReplicaSetCounts rs = scaled.get(i);
            int unhealthy = rs.spec() - rs.available();
            if (rs.spec() > 0 && unhealthy > 0) {
                int down = Math.min(maxScaledDown - cleanedUp, unhealthy);
                scaled.set(i, rs.withSpec(rs.spec() - down));
                cleanedUp += down;
            }
        }
        int toScaleDown = available() - minAvailable;
        for (int i = 0; i < scaled.size() && toScaleDown > 0; i++) {
            ReplicaSetCounts rs = scaled.get(i);
            int down = Math.min(rs.spec(), toScaleDown);
            scaled.set(i, rs.withSpec(rs.spec() - down));
            toScaleDown -= down;
        }
        return new Rollout(newReplicaSet, scaled);
    }

    /** Every ReplicaSet, the new one first. */
    List<ReplicaSetCounts> all() {
        List<ReplicaSetCounts> all = new ArrayList<>(old.size() + 1);
        all.add(newReplicaSet);
        all.addAll(old);
        return all;
    }

    int totalSpec() {
        return all().stream().mapToInt(ReplicaSetCounts::spec).sum();
    }

    int replicas() {
        return all().stream().mapToInt(ReplicaSetCounts::replicas).sum();
    }

    int ready() {
        return all().stream().mapToInt(ReplicaSetCounts::ready).sum();
    }

    int available() {
        return all().stream().mapToInt(ReplicaSetCounts::available).sum();
    }
}
