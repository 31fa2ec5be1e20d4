package dev.rewind.detector.domain;

import dev.rewind.events.Signal;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.kubernetes.MigrationMark;
import java.time.Duration;
import java.util.Optional;

/**
 * The runbook's "When NOT to Rollback" and the loop guards, applied to a "roll back" decision. The first guard that
 * fires turns it into a decline with its reason; the incident stays open for people. Facts about the release (an
 * irreversible migration, a data-loss risk) and signs of an infrastructure fault decline outright: the rollback would
 * do harm or could not help. Loop guards (cooldown, too many rollbacks) hold it: requested on hold, so that a person
 * allowed to may override them.
 */
public final class WhenNotToRollBack {

    /** A guard's verdict: the decline, and whether the rollback is held for an override rather than refused. */
    public record Guarded(Decision.Decline decline, boolean held) {
    }

    private final GuardRules rules;
    private final Cooldown cooldown;

    public WhenNotToRollBack(GuardRules rules) {
        this.rules = rules;
        this.cooldown = new Cooldown(rules.cooldown());
    }

    /** The guard that stops {@code rollBack} in {@code situation}, if any. */
    public Optional<Guarded> check(Decision.RollBack rollBack, Situation situation) {
        return releaseFacts(rollBack, situation.deployment())
                .or(() -> infrastructure(rollBack, situation))
                .or(() -> notRecentlyDeployed(rollBack, situation))
                .map(decline -> new Guarded(decline, false))
                .or(() -> cooldown.check(rollBack, situation.lastRollback(), situation.now())
                        .or(() -> loop(rollBack, situation))
                        .map(decline -> new Guarded(decline, true)));
    }

    private static Optional<Decision.Decline> releaseFacts(Decision.RollBack rollBack, DeploymentFacts deployment) {
        if (deployment.migration() == MigrationMark.IRREVERSIBLE) {
            return decline(rollBack, DeclineReason.IRREVERSIBLE_MIGRATION, "the running release carries an "
                    + "irreversible database migration (annotation " + MigrationMark.ANNOTATION + "=irreversible): "
                    + "the previous version would run against a schema it does not know; fix forward, or restore "
                    + "the database and roll back by hand (runbook: Database Migration Rollback)");
        }
        if (deployment.dataLossRisk()) {
            return decline(rollBack, DeclineReason.DATA_LOSS_RISK, "rolling the running release back would lose "
                    + "data (annotation " + DeploymentFacts.DATA_LOSS_RISK + "=true): fix forward, or secure the "
                    + "data and roll back by hand");
        }
        return Optional.empty();
    }

    private Optional<Decision.Decline> infrastructure(Decision.RollBack rollBack, Situation situation) {
        if (situation.infrastructureScope().isPresent()) {
            return decline(rollBack, DeclineReason.INFRASTRUCTURE_FAULT, situation.infrastructureScope().get()
                    + ": a rollback of the application cannot fix it; check the nodes and the cluster");
        }
        if (aboutTheRelease(situation.signal())
                && situation.otherTargetsNotRecentlyDeployed() >= rules.infrastructureOtherTargets()) {
            return decline(rollBack, DeclineReason.INFRASTRUCTURE_FAULT, situation.otherTargetsNotRecentlyDeployed()
                    + " other targets of this environment, none deployed within "
                    + Durations.human(rules.recentDeployWindow()) + ", opened incidents within the last "
                    + Durations.human(rules.infrastructureWindow()) + ": this looks like infrastructure, not this "
                    + "release; check the cluster, its nodes and shared dependencies before rolling back by hand");
        }
        return Optional.empty();
    }

    private Optional<Decision.Decline> notRecentlyDeployed(Decision.RollBack rollBack, Situation situation) {
        if (!aboutTheRelease(situation.signal()) || situation.deployment().deployedAt() == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(situation.deployment().deployedAt(), situation.now());
        if (age.compareTo(rules.recentDeployWindow()) <= 0) {
            return Optional.empty();
        }
        return decline(rollBack, DeclineReason.NOT_RECENTLY_DEPLOYED, "the running release was deployed "
                + Durations.human(age) + " ago, before the " + Durations.human(rules.recentDeployWindow())
                + " window: its deploy is unlikely to have caused this (" + rollBack.reason() + "); investigate, "
                + "or request a rollback by hand");
    }

    private Optional<Decision.Decline> loop(Decision.RollBack rollBack, Situation situation) {
        if (situation.rollbacksInLoopWindow() < rules.maxRollbacksInLoopWindow()) {
            return Optional.empty();
        }
        return decline(rollBack, DeclineReason.ROLLBACK_LOOP, "Rewind rolled this target back "
                + situation.rollbacksInLoopWindow() + " times within " + Durations.human(rules.loopWindow())
                + " (at most " + rules.maxRollbacksInLoopWindow() + "): a rollback loop (" + rollBack.reason()
                + "); held until a person allowed to overrides it, or fix the release");
    }

    /**
     * A security finding is about the release whatever its age or the state of the cluster: the runbook rolls it back
     * now. Every other row is a regression a recent deploy may have caused.
     */
    private static boolean aboutTheRelease(Signal signal) {
        return signal != Signal.SECURITY_VULNERABILITY;
    }

    private static Optional<Decision.Decline> decline(Decision.RollBack rollBack, DeclineReason code, String reason) {
        return Optional.of(new Decision.Decline(rollBack.severity(), code, reason));
    }
}
