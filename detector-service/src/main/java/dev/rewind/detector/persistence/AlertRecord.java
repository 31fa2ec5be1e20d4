package dev.rewind.detector.persistence;

import dev.rewind.events.Signal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

/** One alert occurrence the detector received, with what it decided. */
@Entity
@Table(name = "alert")
public class AlertRecord extends PanacheEntityBase {

    /** Whether the alert was firing or resolved. */
    public enum Status { FIRING, RESOLVED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Signal signal;

    public Double observed;

    public String summary;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** What the detector did with it: the decision, or ATTACHED to an open incident, as text for people. */
    @Column(nullable = false)
    public String decision;

    @Column(name = "incident_id")
    public UUID incidentId;

    /** The incident the latest firing occurrence of this alert belongs to, if any. */
    public static Optional<UUID> incidentOfFiring(String source, String target, String fingerprint) {
        return find("source = ?1 and target = ?2 and fingerprint = ?3 and status = ?4 and incidentId is not null "
                + "order by receivedAt desc", source, target, fingerprint, Status.FIRING)
                .<AlertRecord>firstResultOptional().map(record -> record.incidentId);
    }

    /** The fingerprints of {@code incident}'s alerts that fired and have not resolved since, by status. */
    public static Set<String> fingerprintsOf(UUID incident, Status status) {
        return AlertRecord.<AlertRecord>list("incidentId = ?1 and status = ?2", incident, status).stream()
                .map(record -> record.fingerprint).collect(Collectors.toSet());
    }

    /** True when this occurrence was already received (Alertmanager re-sends on purpose). */
    public static boolean seen(String source, String target, String fingerprint, Instant startsAt, Status status) {
        if (startsAt == null) {
            return count("source = ?1 and target = ?2 and fingerprint = ?3 and startsAt is null and status = ?4",
                    source, target, fingerprint, status) > 0;
        }
        return count("source = ?1 and target = ?2 and fingerprint = ?3 and startsAt = ?4 and status = ?5",
                source, target, fingerprint, startsAt, status) > 0;
    }
}
