package dev.rewind.approval.persistence;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Approvals;
import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A rollback request and where it stands on its way to approval. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequestRecord extends PanacheEntityBase {

    /** The request id of the {@code RollbackRequested} event. */
    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "incident_number", nullable = false)
    public long incidentNumber;

    @Column(nullable = false)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExecutionMode mode;

    @Enumerated(EnumType.STRING)
    public RollbackMethod method;

    @Column(name = "to_revision")
    public Integer toRevision;

    /** The release judged bad, as JSON ({@link dev.rewind.events.Release}). */
    public String release;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalState state;

    /** How many distinct approvals the policy demands. */
    @Column(nullable = false)
    public int required;

    /** The policy's rule when the request came in, e.g. {@code team-lead+reviewer} ({@link Approvals}). */
    @Column(nullable = false)
    public String approvals;

    /** Who deployed the release judged bad, when the detector could tell: may not approve. */
    @Column(name = "deployed_by")
    public String deployedBy;

    /** The guard that held the request, or null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "hold_code")
    public DeclineReason holdCode;

    @Column(name = "hold_reason")
    public String holdReason;

    /** The alerts behind the request, as JSON ({@link dev.rewind.events.request.Evidence}). */
    public String evidence;

    /** The release the rollback is expected to return to, as JSON, or null. */
    @Column(name = "rollback_to")
    public String rollbackTo;

    /** When the request escalates if nobody decided. */
    @Column(nullable = false)
    public Instant deadline;

    /** When it escalated, once its deadline passed undecided. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** When the undecided request expires. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The W3C traceparent of the request's intake: decisions taken later (by people, by timers) join its trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** When every alert of the incident resolved while the request awaited people; null otherwise. */
    @Column(name = "alerts_resolved_at")
    public Instant alertsResolvedAt;

    /** The request with its row locked until the transaction ends, so votes on one request take turns. */
    public static ApprovalRequestRecord locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The undecided requests of {@code incidentId}, each row locked until the transaction ends. */
    public static List<ApprovalRequestRecord> undecidedOf(UUID incidentId) {
        return find("incidentId = ?1 and state in ?2", incidentId, List.of(ApprovalState.PENDING, ApprovalState.HELD))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public TargetKey targetKey() {
        return TargetKey.parse(target);
    }

    public Approvals approvalsNeeded() {
        return Approvals.parse(approvals);
    }

    public Release releaseJudgedBad() {
        return EventJson.read(release, Release.class);
    }

    /** The release the rollback is expected to return to; null when the request named none. */
    public Release rollbackToRelease() {
        return rollbackTo == null ? null : EventJson.read(rollbackTo, Release.class);
    }

    /**
     * The people who may not approve: the requester and, when {@code deployAuthorIsRequester}, the author of the deploy
     * judged bad (when known).
     */
    public Set<String> excluded(boolean deployAuthorIsRequester) {
        Set<String> excluded = new LinkedHashSet<>();
        excluded.add(requestedBy);
        if (deployAuthorIsRequester && deployedBy != null) {
            excluded.add(deployedBy);
        }
        return excluded;
    }
}
