package dev.rewind.notifier.persistence;

import dev.rewind.events.TargetKey;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.platform.tracing.MessageTracing;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One notification on one channel about one incident: recorded, then sent by the dispatcher, then settled. */
@Entity
@Table(name = "delivery")
public class DeliveryRecord extends PanacheEntityBase {

    /** Where a delivery stands; SKIPPED: there turned out to be nothing to send. */
    public enum Status { PENDING, SENDING, DELIVERED, SKIPPED, FAILED }

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long position;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String notification;

    @Column(nullable = false)
    public String summary;

    @Column(nullable = false)
    public String payload;

    @Column(name = "about_event_id", nullable = false)
    public UUID aboutEventId;

    @Column(name = "about_type", nullable = false)
    public String aboutType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    public String reference;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    /** The W3C traceparent of the event's processing: the send continues the alert's trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    /**
     * Records {@code outgoing} unless this incident already has it on this channel (a redelivered event, or a second
     * event saying the same thing); true when it was recorded now.
     */
    public static boolean record(UUID incidentId, TargetKey target, String channel, Outgoing outgoing,
                                 UUID aboutEventId, String aboutType, Instant now) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO delivery (id, incident_id, target, channel, notification, summary, payload,
                                      about_event_id, about_type, status, next_attempt_at, created_at, trace_parent)
                VALUES (:id, :incident, :target, :channel, :notification, :summary, :payload,
                        :about, :aboutType, 'PENDING', :now, :now, :traceParent)
                ON CONFLICT (incident_id, channel, notification) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("incident", incidentId)
                .setParameter("target", target.toString())
                .setParameter("channel", channel)
                .setParameter("notification", outgoing.notification())
                .setParameter("summary", outgoing.summary())
                .setParameter("payload", outgoing.payload())
                .setParameter("about", aboutEventId)
                .setParameter("aboutType", aboutType)
                .setParameter("now", now)
                .setParameter("traceParent", MessageTracing.currentTraceParent())
                .executeUpdate() == 1;
    }

    /**
     * Locks up to {@code limit} deliveries of {@code channel} that are due, each the oldest unsettled one of its
     * incident on the channel (so a thread's replies wait for its first message), skipping rows another
     * dispatcher holds.
     */
    @SuppressWarnings("unchecked")
    public static List<DeliveryRecord> claimDue(String channel, Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT d.* FROM delivery d
                WHERE d.channel = :channel AND d.status = 'PENDING' AND d.next_attempt_at <= :now
                  AND NOT EXISTS (SELECT 1 FROM delivery e
                                  WHERE e.incident_id = d.incident_id AND e.channel = d.channel
                                    AND e.position < d.position AND e.status IN ('PENDING', 'SENDING'))
                ORDER BY d.position
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED""", DeliveryRecord.class)
                .setParameter("channel", channel)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Deliveries of {@code channel} whose send began before {@code claimedBefore} and never settled. */
    @SuppressWarnings("unchecked")
    public static List<DeliveryRecord> lostSends(String channel, Instant claimedBefore, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM delivery
                WHERE channel = :channel AND status = 'SENDING' AND claimed_at < :before
                ORDER BY position
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", DeliveryRecord.class)
                .setParameter("channel", channel)
                .setParameter("before", claimedBefore)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** What this channel's delivered notifications of the incident answered, oldest first. */
    public static Map<String, String> referencesBefore(UUID incidentId, String channel, long position) {
        Map<String, String> references = new LinkedHashMap<>();
        find("incidentId = ?1 and channel = ?2 and position < ?3 and status = ?4 and reference is not null "
                + "order by position", incidentId, channel, position, Status.DELIVERED)
                .<DeliveryRecord>stream().forEach(d -> references.put(d.notification, d.reference));
        return references;
    }

    /** Unsettled deliveries per channel, for the pending gauge. */
    public static long unsettled(String channel) {
        return count("channel = ?1 and status in (?2, ?3)", channel, Status.PENDING, Status.SENDING);
    }

    public TargetKey targetKey() {
        return TargetKey.parse(target);
    }

    public Outgoing outgoing() {
        return new Outgoing(notification, summary, payload);
    }
}
