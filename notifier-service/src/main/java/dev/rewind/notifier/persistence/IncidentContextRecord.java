package dev.rewind.notifier.persistence;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.notifier.domain.IncidentContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the notifier has gathered about one incident from its events. */
@Entity
@Table(name = "incident_context")
public class IncidentContextRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String target;

    @Column(name = "incident_number")
    public Long incidentNumber;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String reason;

    @Column(name = "triggered_by")
    public String triggeredBy;

    @Column(name = "from_version")
    public String fromVersion;

    @Column(name = "to_version")
    public String toVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The record of {@code incidentId}, created empty when this is its first event. */
    public static IncidentContextRecord of(UUID incidentId, TargetKey target, Instant now) {
        IncidentContextRecord record = findById(incidentId);
        if (record == null) {
            record = new IncidentContextRecord();
            record.incidentId = incidentId;
            record.target = target.toString();
            record.updatedAt = now;
            record.persist();
        }
        return record;
    }

    public IncidentContext toContext() {
        return new IncidentContext(TargetKey.parse(target), incidentNumber, severity, reason, triggeredBy,
                fromVersion, toVersion);
    }
}
