package dev.rewind.executor.strategy;

import dev.rewind.events.Release;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Duration;
import java.util.UUID;

/**
 * What one execution was asked to do, as every rollback method sees it.
 *
 * @param judged the release the incident judged bad; null for executions recorded before commands named it
 * @param toRevision the revision asked for, 0 for the previous one
 * @param rollbackTo the release the request expected to return to, or null
 * @param rolloutTimeout how long the rollout is followed, by the incident's severity
 * @param severity the incident's severity; null for executions recorded before commands named it
 */
public record RollbackOrder(UUID executionId, TargetKey target, long incidentNumber, Release judged, long toRevision,
                            Release rollbackTo, Duration rolloutTimeout, Severity severity) {
}
