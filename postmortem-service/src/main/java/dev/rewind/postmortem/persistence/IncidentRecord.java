package dev.rewind.postmortem.persistence;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.IncidentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as the post-mortem service records it. */
@Entity
@Table(name = "incident")
public class IncidentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The human incident number, known once the incident-opened event arrived. */
    public Long number;

    @Column(nullable = false)
    public String target;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The newest incidents first. */
    public static List<IncidentRecord> newest(int limit) {
        return find("order by openedAt desc, id").page(0, limit).list();
    }
}
