package dev.rewind.detector.domain;

import java.time.Duration;

/**
 * The numbers of the runbook's "when NOT to roll back" guards, from configuration.
 *
 * @param recentDeployWindow a release older than this did not cause a new fault: a rollback cannot fix it
 * @param infrastructureWindow how far back other targets' incidents count towards an infrastructure fault
 * @param infrastructureOtherTargets how many other targets of the environment, none recently deployed, must have
 *                                   opened incidents within the window for the fault to look like infrastructure
 * @param cooldown after a rollback of a target, how long another automatic one is held
 * @param loopWindow the period over which rollbacks of one target are counted
 * @param maxRollbacksInLoopWindow how many rollbacks of one target may complete within the loop window before the
 *                                 next is held for a person
 */
public record GuardRules(Duration recentDeployWindow, Duration infrastructureWindow, int infrastructureOtherTargets,
                         Duration cooldown, Duration loopWindow, int maxRollbacksInLoopWindow) {

    public GuardRules {
        positive("recent-deploy-window", recentDeployWindow);
        positive("infrastructure.window", infrastructureWindow);
        positive("loop.window", loopWindow);
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("rewind.detector.guards.cooldown must not be negative");
        }
        if (infrastructureOtherTargets < 1) {
            throw new IllegalArgumentException(
                    "rewind.detector.guards.infrastructure.other-targets must be at least 1");
        }
        if (maxRollbacksInLoopWindow < 1) {
            throw new IllegalArgumentException("rewind.detector.guards.loop.max-rollbacks must be at least 1");
        }
    }

    private static void positive(String key, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("rewind.detector.guards." + key + " must be positive");
        }
    }
}
