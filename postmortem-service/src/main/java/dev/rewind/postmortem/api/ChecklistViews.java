package dev.rewind.postmortem.api;

import dev.rewind.postmortem.domain.checklist.Checklist;
import dev.rewind.postmortem.domain.checklist.ChecklistItem;
import dev.rewind.postmortem.persistence.ChecklistItemRecord;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the checklist API answers and takes. */
public final class ChecklistViews {

    /** The longest note a person may write on an item. */
    static final int MAX_NOTE = 2000;

    private ChecklistViews() {
    }

    /**
     * An incident's checklist.
     *
     * @param startedAt when the rollback completed: every due time counts from it
     * @param overdue how many items are overdue
     */
    public record View(UUID incidentId, Long number, String target, Instant startedAt, int checked, int overdue,
                       List<Item> items) {

        public static View of(Long number, String target, Checklist checklist) {
            return new View(checklist.incidentId(), number, target, checklist.startedAt(),
                    (int) checklist.items().stream().filter(Checklist.Entry::checked).count(),
                    checklist.overdue().size(), checklist.items().stream().map(Item::of).toList());
        }
    }

    /**
     * One item.
     *
     * @param item the key to check it with, such as {@code update-status-page}
     * @param phase {@code immediate}, {@code short-term} or {@code follow-up}
     * @param how {@code OPEN} (untouched), {@code AUTOMATIC} (Rewind, from the record) or {@code PERSON}
     * @param by who checked it ({@code rewind} when automatic) or unchecked it last
     * @param note the person's note, or the record's evidence for an automatic check
     * @param automaticRule what in the record checks it automatically; null when only a person can
     */
    public record Item(String item, String title, String phase, Instant dueAt, boolean checked, String how, String by,
                       Instant at, String note, String automaticRule, boolean overdue) {

        static Item of(Checklist.Entry entry) {
            return new Item(entry.item().key(), entry.item().title(), entry.phase().key(), entry.dueAt(),
                    entry.checked(), entry.how().name(), entry.by(), entry.at(), entry.note(), entry.rule(),
                    entry.overdue());
        }
    }

    /**
     * A person checks or unchecks an item.
     *
     * @param note why, or what was done; required to uncheck an item
     */
    public record MarkBody(
            @NotNull(message = "is required: true to check the item, false to uncheck it") Boolean checked,
            @Size(max = MAX_NOTE, message = "must be at most " + MAX_NOTE + " characters") String note) {
    }

    /**
     * An overdue item of some incident.
     *
     * @param overdueBy how long past its due time, ISO-8601 ({@code PT25M})
     * @param announcedAt when its overdue event was published; null before, or when it was too old to announce
     */
    public record Overdue(UUID incidentId, Long number, String target, String status, String item, String title,
                          String phase, Instant dueAt, String overdueBy, Instant announcedAt) {

        static Overdue of(ChecklistItemRecord.Overdue overdue, Instant now) {
            ChecklistItemRecord item = overdue.item();
            return new Overdue(item.incidentId, overdue.incident().number, overdue.incident().target,
                    overdue.incident().status.name(), item.item,
                    ChecklistItem.ofKey(item.item).map(ChecklistItem::title).orElse(item.item), item.phase,
                    item.dueAt, Duration.between(item.dueAt, now).withNanos(0).toString(), item.announcedAt);
        }
    }
}
