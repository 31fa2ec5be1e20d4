package dev.rewind.detector.domain;

import dev.rewind.kubernetes.MigrationMark;
import java.time.Instant;

/**
 * What the target's Deployment says about the release it runs, read from the cluster when the detector decides (never
 * from the alert).
 *
 * @param deployedAt when the running revision was rolled out (its ReplicaSet's creation); null when it cannot be told
 * @param migration what the release's annotation {@value MigrationMark#ANNOTATION} says about its schema change
 * @param dataLossRisk the release's annotation {@value #DATA_LOSS_RISK} is {@code "true"}: a rollback would lose data
 */
public record DeploymentFacts(Instant deployedAt, MigrationMark migration, boolean dataLossRisk) {

    /** The Deployment annotation saying that rolling the release back would lose data. */
    public static final String DATA_LOSS_RISK = "rewind.dev/data-loss-risk";

    /** Nothing known: no deploy time, no marks. */
    public static final DeploymentFacts UNKNOWN = new DeploymentFacts(null, MigrationMark.NONE, false);

    public DeploymentFacts {
        migration = migration == null ? MigrationMark.NONE : migration;
    }
}
