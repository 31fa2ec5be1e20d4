package dev.rewind.detector.service;

import dev.rewind.detector.config.GuardsConfig;
import dev.rewind.detector.domain.Cooldown;
import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.kubernetes.DeployedReleases;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.platform.environment.Environments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a "roll back" decision against the world before it becomes a request: the target belongs to a configured
 * environment (never to what an alert claims), it was not rolled back within the cooldown, and its Deployment can be
 * read, so the request names the release judged bad. Any failed check declines the rollback for people.
 */
@ApplicationScoped
public class RollbackGuards {

    private final Environments environments;
    private final DeployedReleases releases;
    private final Cooldown cooldown;
    private final Clock clock;

    @Inject
    public RollbackGuards(Environments environments, DeployedReleases releases, GuardsConfig config, Clock clock) {
        this.environments = environments;
        this.releases = releases;
        this.cooldown = new Cooldown(config.cooldown());
        this.clock = clock;
    }

    /** A decision that passed every guard: the rollback, and the release it judges bad. */
    public record Checked(Decision decision, Release release) {
    }

    /** Applies the guards to {@code decision} about {@code target}; decisions other than roll back pass unchanged. */
    public Checked check(TargetKey target, Decision decision) {
        if (!(decision instanceof Decision.RollBack rollBack)) {
            return new Checked(decision, null);
        }
        Optional<String> refusal = environments.refusal(target);
        if (refusal.isPresent()) {
            return declined(rollBack, DeclineReason.TARGET_NOT_CONFIGURED, refusal.get());
        }
        Optional<Decision.Decline> cooling = cooldown.check(rollBack,
                IncidentRecord.lastRollback(target.toString()), Instant.now(clock));
        if (cooling.isPresent()) {
            return new Checked(cooling.get(), null);
        }
        ReleaseLookup lookup = releases.lookup(target, environments.of(target));
        if (lookup instanceof ReleaseLookup.Refused refused) {
            return declined(rollBack, refused.code(), refused.reason());
        }
        return new Checked(rollBack, ((ReleaseLookup.Running) lookup).release());
    }

    private static Checked declined(Decision.RollBack rollBack, DeclineReason code, String reason) {
        return new Checked(new Decision.Decline(rollBack.severity(), code, reason), null);
    }
}
