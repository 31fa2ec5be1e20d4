package dev.rewind.detector.kubernetes;

import dev.rewind.detector.domain.DeploymentFacts;
import dev.rewind.events.Release;
import dev.rewind.events.incident.DeclineReason;

/** What the detector found when it read the target's Deployment at decision time. */
public sealed interface ReleaseLookup {

    /**
     * The target runs {@code release}: the one a rollback would judge bad.
     *
     * @param rollbackTo the release a rollback returns to: kubectl's previous revision unless Rewind rolled back from
     *                   that release before; null when it cannot be told (no earlier revision, or its ReplicaSets could
     *                   not be read)
     * @param toRevision the revision to name in the request when {@code rollbackTo} is not kubectl's previous one;
     *                   null otherwise
     * @param deployedBy who deployed {@code release}, from the Deployment's deployed-by annotation; null when absent
     * @param facts when {@code release} was deployed and what its annotations say, for the guards
     */
    record Running(Release release, Release rollbackTo, Integer toRevision, String deployedBy, DeploymentFacts facts)
            implements ReleaseLookup {
    }

    /** Nothing Rewind may roll back automatically; {@code reason} says why, for people. */
    record Refused(DeclineReason code, String reason) implements ReleaseLookup {
    }
}
