package dev.rewind.postmortem.domain.checklist;

import java.time.Instant;

/**
 * A person checked or unchecked an item, with a note; the latest mark per item is the person's word on it.
 *
 * @param by the person's name, from their token
 */
public record Mark(ChecklistItem item, boolean checked, String by, Instant at, String note) {
}
