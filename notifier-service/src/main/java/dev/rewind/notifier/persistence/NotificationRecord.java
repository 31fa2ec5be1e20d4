package dev.rewind.notifier.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One notification on one channel about one incident event, sent or not. */
@Entity
@Table(name = "notification")
public class NotificationRecord extends PanacheEntityBase {

    /** Whether the channel took the message. */
    public enum Status { DELIVERED, FAILED }

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "about_event_id", nullable = false)
    public UUID aboutEventId;

    @Column(name = "about_type", nullable = false)
    public String aboutType;

    @Column(nullable = false)
    public String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
