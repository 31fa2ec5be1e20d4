package dev.rewind.detector.domain;

import dev.rewind.events.Signal;
import java.time.Instant;
import java.util.Optional;

/**
 * The world a "roll back" decision is checked against, gathered when the detector decides.
 *
 * @param signal the matrix row that decided
 * @param infrastructureScope why the alert itself is about infrastructure (a node- or cluster-level alert); empty
 *                            when it is about the application
 * @param deployment what the target's Deployment says about the running release
 * @param otherTargetsNotRecentlyDeployed targets of the same environment, none deployed recently, that opened
 *                                        incidents within the infrastructure window
 * @param lastRollback the target's latest completed rollback
 * @param rollbacksInLoopWindow the target's rollbacks completed within the loop window
 */
public record Situation(Instant now, Signal signal, Optional<String> infrastructureScope, DeploymentFacts deployment,
                        long otherTargetsNotRecentlyDeployed, Optional<PastRollback> lastRollback,
                        long rollbacksInLoopWindow) {
}
