package dev.rewind.approval.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An incident whose every alert resolved, as the detector announced it. */
@Entity
@Table(name = "incident_alerts_resolved")
public class IncidentAlertsResolvedRecord extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "resolved_at", nullable = false)
    public Instant resolvedAt;
}
