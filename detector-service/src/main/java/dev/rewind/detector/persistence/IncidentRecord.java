package dev.rewind.detector.persistence;

import dev.rewind.detector.domain.PastRollback;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An incident the detector opened for a target. */
@Entity
@Table(name = "incident")
public class IncidentRecord extends PanacheEntityBase {

    /** Incident states as the detector sees them. */
    public enum State { OPEN, CLOSED }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public long number;

    @Column(nullable = false)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Signal signal;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** When Rewind's rollback of this incident succeeded; null when it did not (yet). */
    @Column(name = "rolled_back_at")
    public Instant rolledBackAt;

    /** When every alert of the incident was seen resolved; null until then. */
    @Column(name = "alerts_resolved_at")
    public Instant alertsResolvedAt;

    /** When the release the target ran at opening was deployed; null when it could not be read. */
    @Column(name = "deployed_at")
    public Instant deployedAt;

    /** The rollbacks Rewind completed for {@code target} since {@code since}, the latest first. */
    public static List<PastRollback> rollbacksSince(String target, Instant since) {
        return IncidentRecord.<IncidentRecord>list("target = ?1 and rolledBackAt >= ?2 order by rolledBackAt desc",
                target, since).stream().map(incident -> new PastRollback(incident.number, incident.rolledBackAt))
                .toList();
    }

    /**
     * Targets of {@code environment} other than {@code target} whose incidents opened since {@code since} while they
     * ran a release deployed before {@code deployedBefore}.
     */
    public static long otherTargetsNotRecentlyDeployed(String environment, String target, Instant since,
                                                       Instant deployedBefore) {
        return getEntityManager().createQuery("select count(distinct i.target) from IncidentRecord i where i.target "
                        + "like ?1 and i.target <> ?2 and i.openedAt >= ?3 and i.deployedAt < ?4", Long.class)
                .setParameter(1, environment + "/%").setParameter(2, target).setParameter(3, since)
                .setParameter(4, deployedBefore).getSingleResult();
    }

    /** The open incident of {@code target}, if any. */
    public static Optional<IncidentRecord> openFor(String target) {
        return find("target = ?1 and state = ?2", target, State.OPEN).firstResultOptional();
    }

    /** The next human incident number. */
    public static long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('incident_number_seq')")
                .getSingleResult()).longValue();
    }
}
