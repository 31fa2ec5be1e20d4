package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.checklist.Checklist;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One item of an incident's checklist: its due time, whether it is done, and when its overdue event was announced.
 * Kept current from the checklist in the transaction that changed it, for the overdue listing and the announcer.
 * Updates write only the columns they change: the checklist's saves never write back an {@code announced_at} read
 * before the announcer set it.
 */
@Entity
@DynamicUpdate
@Table(name = "checklist_item")
public class ChecklistItemRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    /** The item's key, such as {@code update-status-page}. */
    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    public String phase;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public boolean done;

    @Column(name = "announced_at")
    public Instant announcedAt;

    /** Stores {@code checklist}'s items: their due times and whether each is done; announcements are kept. */
    public static void save(Checklist checklist) {
        Map<String, ChecklistItemRecord> rows = ChecklistItemRecord.<ChecklistItemRecord>list("incidentId",
                checklist.incidentId()).stream().collect(Collectors.toMap(row -> row.item, Function.identity()));
        for (Checklist.Entry entry : checklist.items()) {
            ChecklistItemRecord row = rows.get(entry.item().key());
            if (row == null) {
                row = new ChecklistItemRecord();
                row.incidentId = checklist.incidentId();
                row.item = entry.item().key();
            }
            row.phase = entry.phase().key();
            row.dueAt = entry.dueAt();
            row.done = entry.checked();
            row.persist();
        }
    }

    /**
     * Claims, for this transaction, up to {@code limit} items not done, not announced, due before {@code now} and
     * after {@code since}; items another transaction holds are skipped (another instance is announcing them).
     */
    @SuppressWarnings("unchecked")
    public static List<ChecklistItemRecord> claimUnannounced(Instant since, Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM checklist_item
                WHERE NOT done AND announced_at IS NULL AND due_at < :now AND due_at >= :since
                ORDER BY due_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""", ChecklistItemRecord.class)
                .setParameter("now", now)
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** An overdue item with its incident's row. */
    public record Overdue(ChecklistItemRecord item, IncidentRecord incident) {
    }
}
