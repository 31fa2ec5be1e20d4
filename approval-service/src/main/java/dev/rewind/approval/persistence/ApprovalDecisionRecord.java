package dev.rewind.approval.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded decision on a request: who, when, why. Written once, never updated. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecisionRecord extends PanacheEntityBase {

    /** The decision's verdict. */
    public enum Verdict { APPROVE, REJECT }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Column(nullable = false)
    public boolean automatic;

    public String comment;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
