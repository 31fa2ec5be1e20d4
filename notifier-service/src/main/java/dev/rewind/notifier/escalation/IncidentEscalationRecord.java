package dev.rewind.notifier.escalation;

import dev.rewind.events.TargetKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One incident's place on the escalation path, and when its next level is due. */
@Entity
@Table(name = "incident_escalation")
public class IncidentEscalationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String target;

    @Column(name = "incident_number")
    public Long incidentNumber;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "reached_level", nullable = false)
    public int reachedLevel;

    @Column(name = "next_level")
    public Integer nextLevel;

    @Column(name = "next_due_at")
    public Instant nextDueAt;

    @Column(name = "still_open")
    public String stillOpen;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String resolution;

    @Column(name = "held_until")
    public Instant heldUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The incident's row, locked until the transaction ends (the timer skips it meanwhile); null when new. */
    public static IncidentEscalationRecord locked(UUID incidentId) {
        return findById(incidentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A row for an incident seen for the first time; persisted by {@link #save}. */
    public static IncidentEscalationRecord create(UUID incidentId, TargetKey target) {
        IncidentEscalationRecord record = new IncidentEscalationRecord();
        record.incidentId = incidentId;
        record.target = target.toString();
        return record;
    }

    /**
     * Locks up to {@code limit} incidents whose next level is due at {@code now}, earliest first, skipping those
     * another notifier instance (or the consumer) holds: each due level is announced by exactly one instance.
     */
    @SuppressWarnings("unchecked")
    public static List<IncidentEscalationRecord> claimDue(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM incident_escalation
                WHERE next_due_at <= :now
                ORDER BY next_due_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", IncidentEscalationRecord.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    public EscalationState state() {
        return new EscalationState(openedAt, incidentNumber, reachedLevel, stillOpen, resolvedAt, resolution,
                heldUntil);
    }

    public TargetKey targetKey() {
        return TargetKey.parse(target);
    }

    /** Stores {@code state} and the next level {@code ladder} has for it; persists a new row. */
    public void save(EscalationState state, EscalationLadder ladder, Instant now) {
        openedAt = state.openedAt();
        incidentNumber = state.incidentNumber();
        reachedLevel = state.reached();
        stillOpen = state.stillOpen();
        resolvedAt = state.resolvedAt();
        resolution = state.resolution();
        heldUntil = state.heldUntil();
        nextLevel = ladder.next(state).map(EscalationLadder.Level::number).orElse(null);
        nextDueAt = ladder.nextDue(state).orElse(null);
        updatedAt = now;
        if (!isPersistent()) {
            persist();
        }
    }
}
