package dev.rewind.executor.persistence;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.ExecutionState;
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

/** One rollback execution; at most one per incident. */
@Entity
@Table(name = "execution")
public class ExecutionRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, unique = true)
    public UUID incidentId;

    @Column(name = "command_id", nullable = false)
    public UUID commandId;

    @Column(nullable = false)
    public String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RollbackMethod method;

    /** The revision asked for; null or 0 for the previous one. */
    @Column(name = "to_revision")
    public Integer toRevision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExecutionState state;

    @Column(name = "from_revision")
    public Long fromRevision;

    @Column(name = "from_version")
    public String fromVersion;

    @Column(name = "to_version")
    public String toVersion;

    /** The revision being restored, once planned. */
    @Column(name = "to_revision_resolved")
    public Long toRevisionResolved;

    /** The plan committed to before touching the cluster, as JSON; null until planned. */
    public String plan;

    /** The last word of the tool or the cluster about this execution. */
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Executions that were accepted or started but not finished, e.g. when the executor stopped mid-way. */
    public static List<ExecutionRecord> unfinished() {
        return list("state in ?1", List.of(ExecutionState.ACCEPTED, ExecutionState.RUNNING));
    }

    public static Optional<ExecutionRecord> forIncident(UUID incidentId) {
        return find("incidentId", incidentId).firstResultOptional();
    }
}
