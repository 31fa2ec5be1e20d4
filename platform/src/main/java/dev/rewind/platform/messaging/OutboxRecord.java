package dev.rewind.platform.messaging;

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

/** One event waiting in (or published from) the transactional outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxRecord extends PanacheEntityBase {

    /** Publication order: the relay publishes pending records by ascending position. */
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

    /** The oldest unpublished records, in publication order. */
    public static List<OutboxRecord> pending(int limit) {
        return find("publishedAt is null order by position").page(0, limit).list();
    }

    /** Deletes records published before {@code cutoff}; returns how many. */
    public static long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt < ?1", cutoff);
    }
}
