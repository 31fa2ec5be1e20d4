package dev.rewind.detector.service;

import dev.rewind.detector.config.GuardsConfig;
import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.domain.GuardRules;
import dev.rewind.detector.domain.InfrastructureAlerts;
import dev.rewind.detector.domain.PastRollback;
import dev.rewind.detector.domain.Situation;
import dev.rewind.detector.domain.WhenNotToRollBack;
import dev.rewind.detector.kubernetes.DeployedReleases;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.detector.persistence.BlockedReleaseRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.request.Hold;
import dev.rewind.platform.environment.Environment;
import dev.rewind.platform.environment.Environments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a "roll back" decision against the world before it becomes a request: the target belongs to a configured
 * environment (never to what an alert claims) and its Deployment can be read, so the request names the release judged
 * bad; then the runbook's "when not to roll back" ({@link WhenNotToRollBack}) weighs what the cluster says about the
 * release and what the detector's own records say about the environment and the target. A guard either declines the
 * rollback for people, or holds it: declined for now, and requested on hold so that a person allowed to may override.
 */
@ApplicationScoped
public class RollbackGuards {

    private final Environments environments;
    private final DeployedReleases releases;
    private final WhenNotToRollBack whenNot;
    private final InfrastructureAlerts infrastructure;
    private final GuardRules rules;
    private final Clock clock;

    @Inject
    public RollbackGuards(Environments environments, DeployedReleases releases, WhenNotToRollBack whenNot,
                          InfrastructureAlerts infrastructure, GuardsConfig config, Clock clock) {
        this.environments = environments;
        this.releases = releases;
        this.whenNot = whenNot;
        this.infrastructure = infrastructure;
        this.rules = config.rules();
        this.clock = clock;
    }

    /**
     * What the guards made of a decision.
     *
     * @param decision the decision to act on: the matrix's own, or a guard's decline
     * @param deployed what the target runs, whenever its Deployment could be read for a rollback decision; else null
     * @param held the rollback a guard held, to be requested on hold; null when no guard held one
     */
    public record Checked(Decision decision, ReleaseLookup.Running deployed, Held held) {
    }

    /** A rollback the decision matrix wanted and a guard held for a person to override. */
    public record Held(Decision.RollBack rollBack, Hold hold) {
    }

    /** Applies the guards to a decision that has no alert behind it (a person's request). */
    public Checked check(TargetKey target, Decision decision) {
        return check(target, Signal.UNKNOWN, Map.of(), decision, read(List.of(target)));
    }

    /**
     * Reads what the guards weigh for each of {@code targets}, together: their Deployments from the cluster in
     * parallel, and the detector's own records with one query each. Targets outside the configured environments are
     * left out: {@link #check} declines them without reading anything.
     */
    public GuardReads read(Collection<TargetKey> targets) {
        Map<TargetKey, Environment> configured = new LinkedHashMap<>();
        targets.stream().filter(target -> environments.refusal(target).isEmpty())
                .forEach(target -> configured.put(target, environments.of(target)));
        Set<String> keys = configured.keySet().stream().map(TargetKey::toString).collect(Collectors.toSet());
        Map<String, Set<Map<String, String>>> blockedByKey = BlockedReleaseRecord.imagesBlockedFor(keys);
        Map<TargetKey, Set<Map<String, String>>> blocked = new HashMap<>();
        configured.keySet().forEach(target -> blocked.put(target,
                blockedByKey.getOrDefault(target.toString(), Set.of())));
        Map<TargetKey, ReleaseLookup> releases = this.releases.lookupAll(configured, blocked);
        Instant now = Instant.now(clock);
        // One read serves both loop guards: a rollback older than the cooldown and the loop window matters to neither.
        Instant rollbacksSince = Collections.min(List.of(now.minus(rules.loopWindow()), now.minus(rules.cooldown())));
        Instant deployedBefore = now.minus(rules.recentDeployWindow());
        Map<String, Set<String>> notRecentlyDeployed = new HashMap<>();
        configured.keySet().stream().map(TargetKey::environment).distinct().forEach(environment ->
                notRecentlyDeployed.put(environment, IncidentRecord.targetsNotRecentlyDeployed(environment,
                        now.minus(rules.infrastructureWindow()), deployedBefore)));
        return new GuardReads(releases, IncidentRecord.rollbacksSince(keys, rollbacksSince), notRecentlyDeployed,
                deployedBefore);
    }

    /**
     * Applies the guards to {@code decision} about {@code target}, decided on an alert of {@code signal} with
     * {@code labels}, weighing {@code reads} (read for the target's batch, or else now); decisions other than roll
     * back pass unchanged.
     */
    public Checked check(TargetKey target, Signal signal, Map<String, String> labels, Decision decision,
                         GuardReads reads) {
        if (!(decision instanceof Decision.RollBack rollBack)) {
            return new Checked(decision, null, null);
        }
        Optional<String> refusal = environments.refusal(target);
        if (refusal.isPresent()) {
            return declined(rollBack, DeclineReason.TARGET_NOT_CONFIGURED, refusal.get(), null);
        }
        if (!reads.covers(target)) {
            reads.include(read(List.of(target)));
        }
        // Read before every other guard: a declined or held incident names the release judged bad like any other.
        ReleaseLookup lookup = reads.release(target);
        if (lookup instanceof ReleaseLookup.Refused refused) {
            return declined(rollBack, refused.code(), refused.reason(), null);
        }
        ReleaseLookup.Running running = (ReleaseLookup.Running) lookup;
        Instant now = Instant.now(clock);
        Instant loopSince = now.minus(rules.loopWindow());
        List<PastRollback> recent = reads.rollbacks(target);
        Situation situation = new Situation(now, signal, infrastructure.scopeOf(labels), running.facts(),
                reads.otherTargetsNotRecentlyDeployed(target), recent.stream().findFirst(),
                recent.stream().filter(rollback -> !rollback.at().isBefore(loopSince)).count());
        return whenNot.check(rollBack, situation)
                .map(guarded -> guarded.held()
                        ? new Checked(guarded.decline(), running, new Held(rollBack,
                                new Hold(guarded.decline().code(), guarded.decline().reason())))
                        : new Checked(guarded.decline(), running, null))
                .orElseGet(() -> new Checked(rollBack, running, null));
    }

    /** When the release of a checked decision was deployed; null when unknown. */
    public static Instant deployedAt(Checked checked) {
        return checked.deployed() == null ? null : checked.deployed().facts().deployedAt();
    }

    private static Checked declined(Decision.RollBack rollBack, DeclineReason code, String reason,
                                    ReleaseLookup.Running running) {
        return new Checked(new Decision.Decline(rollBack.severity(), code, reason), running, null);
    }
}
