package dev.rewind.postmortem.domain.checklist;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An incident's post-rollback checklist as it stands at a moment: it starts when the rollback completed, every item
 * is due a phase's time after that, Rewind checks the items its record shows done, and people check (or uncheck)
 * the rest. An item not checked after its due time is overdue.
 *
 * @param startedAt when the rollback completed
 */
public record Checklist(UUID incidentId, Instant startedAt, List<Entry> items) {

    /** How an item came to be as it is. */
    public enum How {
        /** Nobody has touched it and the record shows nothing. */
        OPEN,
        /** Rewind checked it from the incident's record. */
        AUTOMATIC,
        /** A person checked or unchecked it. */
        PERSON
    }

    /**
     * One item as it stands.
     *
     * @param by who checked it ({@code rewind} when automatic), or who unchecked it last; null when open
     * @param at when it was checked or unchecked
     * @param note the person's note, or the record's evidence for an automatic check
     * @param rule what in the record checks it automatically; null for an item only a person checks
     * @param overdue not checked and past its due time
     */
    public record Entry(ChecklistItem item, Instant dueAt, boolean checked, How how, String by, Instant at,
                        String note, String rule, boolean overdue) {

        public ChecklistPhase phase() {
            return item.phase();
        }
    }

    /**
     * The checklist of an incident whose rollback completed at {@code startedAt}, or empty while it has not.
     *
     * @param marks each item's latest mark by a person
     */
    public static Optional<Checklist> of(AutoCheck.Facts facts, Map<ChecklistItem, Mark> marks, ChecklistDue due,
                                         Instant now) {
        Instant startedAt = facts.incident().times().rollbackCompletedAt();
        if (startedAt == null) {
            return Optional.empty();
        }
        List<Entry> items = Arrays.stream(ChecklistItem.values())
                .map(item -> entry(item, due.dueAt(item.phase(), startedAt), AutoCheck.evidence(item, facts),
                        Optional.ofNullable(marks.get(item)), now))
                .toList();
        return Optional.of(new Checklist(facts.incident().id(), startedAt, items));
    }

    /**
     * A person's latest mark decides when it is newer than the record's evidence (unchecking what Rewind checked
     * holds until new evidence arrives). A person who checked an item before Rewind's evidence keeps the credit.
     */
    static Entry entry(ChecklistItem item, Instant dueAt, Optional<AutoCheck.Evidence> evidence, Optional<Mark> mark,
                       Instant now) {
        String rule = AutoCheck.rule(item).orElse(null);
        boolean markDecides = mark.isPresent() && (evidence.isEmpty() || !mark.get().at().isBefore(evidence.get().at())
                || mark.get().checked());
        if (markDecides) {
            Mark m = mark.get();
            return new Entry(item, dueAt, m.checked(), How.PERSON, m.by(), m.at(), m.note(), rule,
                    !m.checked() && now.isAfter(dueAt));
        }
        if (evidence.isPresent()) {
            return new Entry(item, dueAt, true, How.AUTOMATIC, AutoCheck.REWIND, evidence.get().at(),
                    evidence.get().note(), rule, false);
        }
        return new Entry(item, dueAt, false, How.OPEN, null, null, null, rule, now.isAfter(dueAt));
    }

    /** The entry of {@code item}. */
    public Entry entry(ChecklistItem item) {
        return items.stream().filter(entry -> entry.item() == item).findFirst().orElseThrow();
    }

    /** The items not checked after their due time. */
    public List<Entry> overdue() {
        return items.stream().filter(Entry::overdue).toList();
    }
}
