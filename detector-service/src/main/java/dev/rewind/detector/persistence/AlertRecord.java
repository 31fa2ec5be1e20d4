package dev.rewind.detector.persistence;

import dev.rewind.detector.domain.StormLedger;
import dev.rewind.events.Signal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

    /**
     * The firing occurrences already recorded among {@code sources} x {@code targets} x {@code fingerprints}, read
     * with one query as plain values (nothing for the session to track), in the order of the occurrence constraint's
     * columns so that its index answers.
     */
    public static List<Recorded> firingOccurrences(Collection<String> sources, Collection<String> targets,
                                                   Collection<String> fingerprints) {
        return getEntityManager().createQuery("select a.source, a.target, a.fingerprint, a.startsAt from AlertRecord a"
                        + " where a.source in ?1 and a.target in ?2 and a.fingerprint in ?3 and a.status = ?4",
                        Object[].class)
                .setParameter(1, sources).setParameter(2, targets).setParameter(3, fingerprints)
                .setParameter(4, Status.FIRING).getResultStream()
                .map(row -> new Recorded(new StormLedger.Occurrence((String) row[0], (String) row[1],
                        (String) row[2]), (Instant) row[3]))
                .toList();
    }

    /** An occurrence of an alert already recorded, and when it started. */
    public record Recorded(StormLedger.Occurrence occurrence, Instant startsAt) {
    }

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
