package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.IncidentHistory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** One line of an incident's timeline; written once per event. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntryRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String summary;

    /** The CloudEvents source: which service recorded the fact. */
    public String source;

    /** The event's JSON, to fold the incident's record again; null in entries written before version 0.4. */
    public String payload;

    /** The timeline of {@code incidentId}, in the order things happened (see {@link IncidentHistory#HAPPENED}). */
    public static List<TimelineEntryRecord> of(UUID incidentId) {
        return TimelineEntryRecord.<TimelineEntryRecord>find("incidentId = ?1 order by occurredAt, position", incidentId)
                .stream().sorted(Comparator.comparing((TimelineEntryRecord e) -> e.occurredAt)
                        .thenComparingInt(e -> IncidentHistory.rank(e.eventType))
                        .thenComparingLong(e -> e.position))
                .toList();
    }
}
