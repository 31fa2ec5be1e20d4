package dev.rewind.detector.service;

import dev.rewind.detector.domain.PastRollback;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the guards read about the targets of one batch of alerts, read together at the start of the batch's
 * transaction instead of once per decision: each target's Deployment from the cluster (in parallel), its recent
 * rollbacks, and per environment the targets whose incidents count towards the infrastructure rule, which the batch
 * keeps current as it opens incidents of its own.
 */
public final class GuardReads {

    private final Map<TargetKey, ReleaseLookup> releases;
    private final Map<String, List<PastRollback>> rollbacks;
    private final Map<String, Set<String>> notRecentlyDeployed;
    private final Instant deployedBefore;

    /**
     * @param releases what each target runs
     * @param rollbacks each target's rollbacks within the guards' windows, the latest first; absent means none
     * @param notRecentlyDeployed per environment, the targets whose incidents opened within the infrastructure window
     *                            while they ran a release deployed before {@code deployedBefore}
     * @param deployedBefore the end of the recent-deploy window's past, as of the reads
     */
    GuardReads(Map<TargetKey, ReleaseLookup> releases, Map<String, List<PastRollback>> rollbacks,
               Map<String, Set<String>> notRecentlyDeployed, Instant deployedBefore) {
        this.releases = new HashMap<>(releases);
        this.rollbacks = new HashMap<>(rollbacks);
        this.notRecentlyDeployed = new HashMap<>();
        notRecentlyDeployed.forEach((environment, targets) ->
                this.notRecentlyDeployed.put(environment, new HashSet<>(targets)));
        this.deployedBefore = deployedBefore;
    }

    /** True when the reads cover {@code target}. */
    boolean covers(TargetKey target) {
        return releases.containsKey(target) && notRecentlyDeployed.containsKey(target.environment());
    }

    /** What {@code target} runs; only for a target the reads cover. */
    ReleaseLookup release(TargetKey target) {
        return releases.get(target);
    }

    /** {@code target}'s rollbacks within the guards' windows, the latest first. */
    List<PastRollback> rollbacks(TargetKey target) {
        return rollbacks.getOrDefault(target.toString(), List.of());
    }

    /** Targets of {@code target}'s environment other than it that count towards the infrastructure rule. */
    long otherTargetsNotRecentlyDeployed(TargetKey target) {
        Set<String> targets = notRecentlyDeployed.getOrDefault(target.environment(), Set.of());
        return targets.size() - (targets.contains(target.toString()) ? 1 : 0);
    }

    /** Records that this batch opened an incident of {@code target}, running a release deployed at {@code deployedAt}. */
    void opened(TargetKey target, Instant deployedAt) {
        if (deployedAt != null && deployedAt.isBefore(deployedBefore)) {
            notRecentlyDeployed.computeIfAbsent(target.environment(), environment -> new HashSet<>())
                    .add(target.toString());
        }
    }

    /** Adds what {@code other} read, for targets these reads did not cover. */
    void include(GuardReads other) {
        other.releases.forEach(releases::putIfAbsent);
        other.rollbacks.forEach(rollbacks::putIfAbsent);
        other.notRecentlyDeployed.forEach((environment, targets) ->
                notRecentlyDeployed.computeIfAbsent(environment, name -> new HashSet<>()).addAll(targets));
    }
}
