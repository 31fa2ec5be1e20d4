package dev.rewind.detector.service;

import dev.rewind.detector.config.GuardsConfig;
import dev.rewind.detector.domain.Cooldown;
import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.kubernetes.DeployedReleases;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.detector.persistence.BlockedReleaseRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.request.Hold;
import dev.rewind.platform.environment.Environments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a "roll back" decision against the world before it becomes a request: the target belongs to a configured
 * environment (never to what an alert claims) and its Deployment can be read, so the request names the release judged
 * bad; a failed check declines the rollback for people. A target rolled back within the cooldown is held: declined
 * for now, and requested on hold so that a person allowed to may override the guard.
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

    /**
     * What the guards made of a decision.
     *
     * @param decision the decision to act on: the matrix's own, or a guard's decline
     * @param deployed what the target runs, when the decision is a rollback or a guard held one; else null
     * @param held the rollback a guard held, to be requested on hold; null when no guard held one
     */
    public record Checked(Decision decision, ReleaseLookup.Running deployed, Held held) {
    }

    /** A rollback the decision matrix wanted and a guard held for a person to override. */
    public record Held(Decision.RollBack rollBack, Hold hold) {
    }

    /** Applies the guards to {@code decision} about {@code target}; decisions other than roll back pass unchanged. */
    public Checked check(TargetKey target, Decision decision) {
        if (!(decision instanceof Decision.RollBack rollBack)) {
            return new Checked(decision, null, null);
        }
        Optional<String> refusal = environments.refusal(target);
        if (refusal.isPresent()) {
            return declined(rollBack, DeclineReason.TARGET_NOT_CONFIGURED, refusal.get());
        }
        // Read before the cooldown: a held request names the release judged bad like any other.
        ReleaseLookup lookup = releases.lookup(target, environments.of(target),
                BlockedReleaseRecord.imagesBlockedFor(target.toString()));
        if (lookup instanceof ReleaseLookup.Refused refused) {
            return declined(rollBack, refused.code(), refused.reason());
        }
        ReleaseLookup.Running running = (ReleaseLookup.Running) lookup;
        Optional<Decision.Decline> cooling = cooldown.check(rollBack,
                IncidentRecord.lastRollback(target.toString()), Instant.now(clock));
        if (cooling.isPresent()) {
            Decision.Decline decline = cooling.get();
            return new Checked(decline, running, new Held(rollBack, new Hold(decline.code(), decline.reason())));
        }
        return new Checked(rollBack, running, null);
    }

    private static Checked declined(Decision.RollBack rollBack, DeclineReason code, String reason) {
        return new Checked(new Decision.Decline(rollBack.severity(), code, reason), null, null);
    }
}
