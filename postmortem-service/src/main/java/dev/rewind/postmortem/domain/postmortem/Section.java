package dev.rewind.postmortem.domain.postmortem;

import java.time.Instant;

/**
 * One part of a post-mortem: either generated from the incident record (until a person edits it) or a person's text,
 * with who edited it and when.
 *
 * @param generated true while the content is Rewind's default, written from the record
 * @param editedBy who last edited it; null while generated
 * @param editedAt when it was last edited; null while generated
 */
public record Section<T>(T content, boolean generated, String editedBy, Instant editedAt) {

    /** Rewind's default content. */
    public static <T> Section<T> generated(T content) {
        return new Section<>(content, true, null, null);
    }

    /** A person's edit, or {@code fallback} generated when there is none. */
    public static <T> Section<T> of(PostMortemEdits.Edited<T> edited, T fallback) {
        return edited == null ? generated(fallback) : new Section<>(edited.value(), false, edited.by(), edited.at());
    }
}
