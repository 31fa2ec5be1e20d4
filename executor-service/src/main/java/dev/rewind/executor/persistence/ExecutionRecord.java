package dev.rewind.executor.persistence;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.executor.domain.ExecutionState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/** One rollback execution; at most one per incident. Updates write only changed columns: the lease is SQL's. */
@Entity
@DynamicUpdate
@Table(name = "execution")
public class ExecutionRecord extends PanacheEntityBase {

    /** Executions that rolled back (or may have rolled back) from the release their incident judged bad. */
    private static final String ROLLED_BACK_FROM = "judgedRelease is not null and finishedAt is not null "
            + "and (state = ?1 or patchSentAt is not null)";

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, unique = true)
    public UUID incidentId;

    @Column(name = "command_id", nullable = false)
    public UUID commandId;

    @Column(nullable = false)
    public String target;

    /** The method being tried: the requested or first of the chain, then the next whenever one cannot roll back. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RollbackMethod method;

    /** The incident's severity: it bounds how long the rollout is followed; null for executions recorded before. */
    @Enumerated(EnumType.STRING)
    public Severity severity;

    /** When the one `rollout restart` of a stuck rollout was (about to be) sent; null when none was. */
    @Column(name = "restarted_at")
    public Instant restartedAt;

    /** The method the command asked for; null to follow the target's chain. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_method")
    public RollbackMethod requestedMethod;

    /** The methods to try in order (MethodChain's format), chosen when first planned; null until then. */
    public String chain;

    /** The position of {@link #method} in {@link #chain}. */
    @Column(nullable = false)
    public int attempt;

    /** What each method that could not roll back said, one line each, for people. */
    public String attempts;

    /** The release the request expected to return to, as JSON; null when it named none. */
    @Column(name = "rollback_to")
    public String rollbackTo;

    /** The revision asked for; null or 0 for the previous one. */
    @Column(name = "to_revision")
    public Integer toRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExecutionState state;

    @Column(name = "from_revision")
    public Long fromRevision;

    @Column(name = "from_version")
    public String fromVersion;

    @Column(name = "to_version")
    public String toVersion;

    /** The revision being restored, once planned. */
    @Column(name = "to_revision_resolved")
    public Long toRevisionResolved;

    /** The plan committed to before touching the cluster, as JSON; null until planned. */
    public String plan;

    /** The last word of the tool or the cluster about this execution. */
    public String message;

    /** The release the incident judged bad, as JSON; the execution acts only while the target runs it. */
    @Column(name = "judged_release")
    public String judgedRelease;

    /**
     * The guards a person overrode for this rollback, comma-separated DeclineReason names; null for none: the executor
     * skips its own check of each, and only of those.
     */
    public String overrides;

    /** The incident's human number, for the messages people read. */
    @Column(name = "incident_number")
    public Long incidentNumber;

    /** The W3C traceparent of the command's processing: the rollback, resumed or not, continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The instance driving this execution, while its lease lasts. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    /** The pipeline method's run as JSON, recorded before it is waited on; null until triggered. */
    @Column(name = "pipeline_run")
    public String pipelineRun;

    /** The GitOps method's pull or merge request as JSON, recorded once opened and again once merged. */
    @Column(name = "git_change")
    public String gitChange;

    /** When the GitOps controller's sync was paused for an in-cluster rollback; null when it was not. */
    @Column(name = "gitops_paused_at")
    public Instant gitOpsPausedAt;

    /** When that sync was resumed, Git having caught up; null until then. */
    @Column(name = "gitops_resumed_at")
    public Instant gitOpsResumedAt;

    /** When the migration-rollback Job was seen completed and announced. */
    @Column(name = "migration_rolled_back_at")
    public Instant migrationRolledBackAt;

    /** Set before the patch is first sent: from then on, the patch may have reached the cluster. */
    @Column(name = "patch_sent_at")
    public Instant patchSentAt;

    /** When the "patched" step was announced; it is announced once. */
    @Column(name = "patched_at")
    public Instant patchedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<ExecutionRecord> forIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }

    /**
     * The latest rollback of {@code target} that patched (or may have patched) the cluster and finished since
     * {@code since}, whatever its outcome: a rollback whose rollout then failed still changed the Deployment.
     */
    public static Optional<ExecutionRecord> lastRollbackOf(String target, Instant since) {
        return find("target = ?1 and patchSentAt is not null and finishedAt > ?2 order by finishedAt desc",
                target, since).firstResultOptional();
    }

    /**
     * The finished executions of {@code target} other than {@code except} that rolled back (or may have rolled back)
     * from the release their incident judged bad, latest first: those that succeeded and those that sent their patch.
     */
    public static List<ExecutionRecord> rolledBackFrom(String target, UUID except) {
        return find(ROLLED_BACK_FROM + " and target = ?2 and id <> ?3 order by finishedAt desc",
                ExecutionState.SUCCEEDED, target, except).list();
    }

    /** The same, of every target or only of {@code target} (when not null), the newest {@code limit}. */
    public static List<ExecutionRecord> rolledBackFrom(String target, int limit) {
        var query = target == null
                ? find(ROLLED_BACK_FROM + " order by finishedAt desc", ExecutionState.SUCCEEDED)
                : find(ROLLED_BACK_FROM + " and target = ?2 order by finishedAt desc", ExecutionState.SUCCEEDED,
                        target);
        return query.page(0, limit).list();
    }

    /** Another execution of {@code target} that is past planning and not finished, if any. */
    public static Optional<ExecutionRecord> runningOn(String target, UUID except) {
        return find("target = ?1 and state = ?2 and id <> ?3", target, ExecutionState.RUNNING, except)
                .firstResultOptional();
    }
}
