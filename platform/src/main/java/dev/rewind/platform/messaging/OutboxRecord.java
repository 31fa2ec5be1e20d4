package dev.rewind.platform.messaging;

import dev.rewind.platform.messaging.outbox.OutboxBacklog;
import dev.rewind.platform.messaging.outbox.PendingRecord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event waiting in, published from, or parked in the transactional outbox. Pending means neither published nor
 * parked.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxRecord extends PanacheEntityBase {

    /** Publication order within a record key: the relay publishes a key's pending records by ascending position. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    /** The CloudEvents id; consumers de-duplicate on it. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** How many sends of this record failed or had no outcome. */
    @Column(nullable = false)
    public int attempts;

    /** Not sent again before this instant (backoff after a failure); null when it may be sent now. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Why the last send failed, if one did. */
    @Column(name = "last_error")
    public String lastError;

    /** When the relay parked the record because Kafka refused it for good; null unless parked. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason")
    public String parkReason;

    /** The W3C traceparent of the span that published the event; null when none was recording. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** The record as the relay's ordering rules see it. */
    public PendingRecord pending() {
        return new PendingRecord(position, topic, recordKey, attempts);
    }

    /**
     * Up to {@code limit} records the relay may send at {@code now}, in position order: pending, due, and not behind
     * a failing pending record of their key on their topic (the order Kafka keeps). Leaving out the records behind a
     * failing one here keeps a key with a long backlog from filling every batch and starving the other keys.
     * One statement: while no pending record is failing (the usual case), PostgreSQL evaluates that uncorrelated
     * check once and skips the per-record one (a scan of each key's earlier pending records, quadratic in a key's
     * backlog); it reads the outbox as of this statement, after the relay lock was taken.
     */
    public static List<OutboxRecord> sendable(Instant now, int limit) {
        return find("from OutboxRecord r where r.publishedAt is null and r.parkedAt is null"
                + " and (r.nextAttemptAt is null or r.nextAttemptAt <= ?1)"
                + " and (not exists (select f.position from OutboxRecord f where f.publishedAt is null"
                + " and f.parkedAt is null and f.attempts > 0)"
                + " or not exists (select e.position from OutboxRecord e where e.recordKey = r.recordKey"
                + " and e.topic = r.topic"
                + " and e.position < r.position and e.publishedAt is null and e.parkedAt is null and e.attempts > 0))"
                + " order by r.position", now)
                .page(0, limit).list();
    }

    /** The oldest parked records, in position order. */
    public static List<OutboxRecord> parked(int limit) {
        return find("parkedAt is not null order by position").page(0, limit).list();
    }

    /** How many records are pending, since when, and how many are parked. */
    public static OutboxBacklog backlog() {
        Object[] pending = getEntityManager().createQuery("select count(r), min(r.createdAt) from OutboxRecord r"
                + " where r.publishedAt is null and r.parkedAt is null", Object[].class).getSingleResult();
        return new OutboxBacklog((Long) pending[0], (Instant) pending[1], count("parkedAt is not null"));
    }

    /** Marks the records at {@code positions} published at {@code at}. */
    public static void markPublished(List<Long> positions, Instant at) {
        if (!positions.isEmpty()) {
            update("publishedAt = ?1 where position in ?2", at, positions);
        }
    }

    /** Deletes records published before {@code cutoff}; returns how many. */
    public static long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }
}
