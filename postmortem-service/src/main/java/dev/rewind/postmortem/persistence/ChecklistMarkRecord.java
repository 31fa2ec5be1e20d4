package dev.rewind.postmortem.persistence;

import dev.rewind.postmortem.domain.checklist.ChecklistItem;
import dev.rewind.postmortem.domain.checklist.Mark;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person checked or unchecked a checklist item, with a note; written once, never updated. */
@Entity
@Table(name = "checklist_mark")
public class ChecklistMarkRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    /** The item's key, such as {@code update-status-page}. */
    @Column(nullable = false)
    public String item;

    @Column(nullable = false)
    public boolean checked;

    @Column(name = "marked_by", nullable = false)
    public String markedBy;

    @Column(name = "marked_at", nullable = false)
    public Instant markedAt;

    public String note;

    /** Records a mark. */
    public static void record(UUID incidentId, Mark mark) {
        ChecklistMarkRecord record = new ChecklistMarkRecord();
        record.incidentId = incidentId;
        record.item = mark.item().key();
        record.checked = mark.checked();
        record.markedBy = mark.by();
        record.markedAt = mark.at();
        record.note = mark.note();
        record.persist();
    }

    /** Each item's latest mark for {@code incidentId} (marks of items this version does not know are left out). */
    public static Map<ChecklistItem, Mark> latest(UUID incidentId) {
        List<ChecklistMarkRecord> marks = list("incidentId = ?1 order by markedAt, id", incidentId);
        Map<ChecklistItem, Mark> latest = new EnumMap<>(ChecklistItem.class);
        for (ChecklistMarkRecord mark : marks) {
            ChecklistItem.ofKey(mark.item).ifPresent(item -> latest.put(item,
                    new Mark(item, mark.checked, mark.markedBy, mark.markedAt, mark.note)));
        }
        return latest;
    }
}
