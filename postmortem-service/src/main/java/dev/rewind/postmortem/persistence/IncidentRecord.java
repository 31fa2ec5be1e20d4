package dev.rewind.postmortem.persistence;

import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.postmortem.domain.IncidentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An incident's row: the columns its listing, filters and statistics need, kept current from its events (the whole
 * record is folded from the timeline when read).
 */
@Entity
@Table(name = "incident")
public class IncidentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The human incident number, known once the incident-opened event arrived. */
    public Long number;

    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public String environment;

    @Column(nullable = false)
    public String namespace;

    @Column(nullable = false)
    public String service;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public Signal signal;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "rollback_started_at")
    public Instant rollbackStartedAt;

    /** When the rollback rolled out, verified or not: the post-rollback checklist's due times count from here. */
    @Column(name = "rollback_completed_at")
    public Instant rollbackCompletedAt;

    @Column(name = "recovered_at")
    public Instant recoveredAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Detection to the rollback's completion, in milliseconds: the time to roll back. */
    @Column(name = "time_to_rollback_ms")
    public Long timeToRollbackMs;

    /** Detection plus the severity's deadline. */
    @Column(name = "deadline_at")
    public Instant deadlineAt;

    /**
     * The row of incident {@code id}, locked for the caller's transaction; created first (open) when this is the
     * incident's first event. Both consumers (incident events and rollback requests) may see an incident's first
     * event at once: the insert gives way to the other's rather than failing.
     */
    public static IncidentRecord lockedOrCreated(UUID id, TargetKey target, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO incident (id, target, environment, namespace, service, status, opened_at, updated_at)
                VALUES (:id, :target, :environment, :namespace, :service, 'OPEN', :at, :at)
                ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", id)
                .setParameter("target", target.toString())
                .setParameter("environment", target.environment())
                .setParameter("namespace", target.namespace())
                .setParameter("service", target.service())
                .setParameter("at", at)
                .executeUpdate();
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
