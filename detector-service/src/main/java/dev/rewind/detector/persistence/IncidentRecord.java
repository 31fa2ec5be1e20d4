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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * The rollbacks Rewind completed since {@code since} for each of {@code targets} that had any, the latest first,
     * read with one query.
     */
    public static Map<String, List<PastRollback>> rollbacksSince(Collection<String> targets, Instant since) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return IncidentRecord.<IncidentRecord>list("target in ?1 and rolledBackAt >= ?2 order by rolledBackAt desc",
                        targets, since).stream()
                .collect(Collectors.groupingBy(incident -> incident.target, Collectors.mapping(
                        incident -> new PastRollback(incident.number, incident.rolledBackAt), Collectors.toList())));
    }

    /**
     * The targets of {@code environment} whose incidents opened since {@code since} while they ran a release deployed
     * before {@code deployedBefore}.
     */
    public static Set<String> targetsNotRecentlyDeployed(String environment, Instant since, Instant deployedBefore) {
        return Set.copyOf(getEntityManager().createQuery("select distinct i.target from IncidentRecord i where "
                        + "i.target like ?1 and i.openedAt >= ?2 and i.deployedAt < ?3", String.class)
                .setParameter(1, environment + "/%").setParameter(2, since).setParameter(3, deployedBefore)
                .getResultList());
    }

    /** The open incident of {@code target}, if any. */
    public static Optional<IncidentRecord> openFor(String target) {
        return find("target = ?1 and state = ?2", target, State.OPEN).firstResultOptional();
    }

    /** The next human incident number. */
    public static long nextNumber() {
        return nextNumbers(1).get(0);
    }

    /** The next {@code count} human incident numbers, ascending, taken with one query. */
    public static List<Long> nextNumbers(int count) {
        if (count < 1) {
            return List.of();
        }
        return getEntityManager().createNativeQuery(
                        "SELECT nextval('incident_number_seq') FROM generate_series(1, ?1)", Long.class)
                .setParameter(1, count).getResultStream().map(Long.class::cast).sorted().toList();
    }

    /** The open incident of each of {@code targets} that has one, read with one query as plain values. */
    public static Map<String, Open> openIncidentsOf(Collection<String> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select i.target, i.id, i.number from IncidentRecord i where "
                        + "i.target in ?1 and i.state = ?2", Object[].class)
                .setParameter(1, targets).setParameter(2, State.OPEN).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> new Open((UUID) row[1], (Long) row[2])));
    }

    /** An open incident, as an alert attached to it names it. */
    public record Open(UUID id, long number) {
    }
}
