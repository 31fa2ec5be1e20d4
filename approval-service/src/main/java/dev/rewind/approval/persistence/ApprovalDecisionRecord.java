package dev.rewind.approval.persistence;

import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.domain.Vote;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** One vote on a request: who, with which roles, through which channel, when and why. Written once, never updated. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecisionRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    /** The roles the person held when they voted, comma-separated. */
    @Column(nullable = false)
    public String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    public String reason;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** Records a vote; the caller's transaction makes it durable with its effects. */
    public static ApprovalDecisionRecord cast(UUID requestId, String voter, Set<String> roles, Verdict verdict,
                                              Channel channel, String reason, Instant at) {
        ApprovalDecisionRecord decision = new ApprovalDecisionRecord();
        decision.id = UUID.randomUUID();
        decision.requestId = requestId;
        decision.decidedBy = voter;
        decision.roles = String.join(",", new TreeSet<>(roles));
        decision.verdict = verdict;
        decision.channel = channel;
        decision.reason = reason;
        decision.decidedAt = at;
        decision.persist();
        return decision;
    }

    /** The votes on a request, oldest first. */
    public static List<ApprovalDecisionRecord> on(UUID requestId) {
        return list("requestId = ?1 order by decidedAt, id", requestId);
    }

    /** This record as the ballot reads it. */
    public Vote vote() {
        Set<String> held = roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(",")).collect(Collectors.toUnmodifiableSet());
        return new Vote(decidedBy, held, verdict);
    }
}
