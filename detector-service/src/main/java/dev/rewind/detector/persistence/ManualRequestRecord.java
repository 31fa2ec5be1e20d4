package dev.rewind.detector.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A rollback a person asked for with an Idempotency-Key, and what they were answered: a retry gets the same. */
@Entity
@Table(name = "manual_request")
public class ManualRequestRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String requester;

    /** The requester's own key: two people's keys never collide. */
    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    /** A digest of the request, so that a key reused for another request is told from a retry. */
    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "incident_number", nullable = false)
    public long incidentNumber;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The request {@code requester} made with {@code idempotencyKey}, if any. */
    public static Optional<ManualRequestRecord> of(String requester, String idempotencyKey) {
        return find("requester = ?1 and idempotencyKey = ?2", requester, idempotencyKey).firstResultOptional();
    }
}
