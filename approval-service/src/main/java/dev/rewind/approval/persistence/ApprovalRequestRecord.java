package dev.rewind.approval.persistence;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    @Column(nullable = false)
    public Instant deadline;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
