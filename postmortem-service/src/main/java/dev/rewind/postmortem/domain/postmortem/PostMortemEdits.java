package dev.rewind.postmortem.domain.postmortem;

import java.time.Instant;
import java.util.List;

/**
 * What people wrote into a post-mortem, section by section, each with who wrote it and when; a section nobody edited
 * is null and the document shows Rewind's generated default for it.
 */
public record PostMortemEdits(Edited<String> impact, Edited<String> rootCause, Edited<List<String>> wentWell,
                              Edited<List<String>> couldImprove, Edited<List<ActionItem>> actionItems) {

    /** The sections people may edit, by their JSON names. */
    public static final List<String> SECTIONS = List.of("impact", "rootCause", "wentWell", "couldImprove",
            "actionItems");

    /** Nobody has edited anything yet. */
    public static final PostMortemEdits NONE = new PostMortemEdits(null, null, null, null, null);

    /** A person's text for one section. */
    public record Edited<T>(T value, String by, Instant at) {
    }

    public PostMortemEdits withImpact(Edited<String> edited) {
        return new PostMortemEdits(edited, rootCause, wentWell, couldImprove, actionItems);
    }

    public PostMortemEdits withRootCause(Edited<String> edited) {
        return new PostMortemEdits(impact, edited, wentWell, couldImprove, actionItems);
    }

    public PostMortemEdits withWentWell(Edited<List<String>> edited) {
        return new PostMortemEdits(impact, rootCause, edited, couldImprove, actionItems);
    }

    public PostMortemEdits withCouldImprove(Edited<List<String>> edited) {
        return new PostMortemEdits(impact, rootCause, wentWell, edited, actionItems);
    }

    public PostMortemEdits withActionItems(Edited<List<ActionItem>> edited) {
        return new PostMortemEdits(impact, rootCause, wentWell, couldImprove, edited);
    }

    /** The edits without {@code section}'s: the document shows the generated default for it again. */
    public PostMortemEdits reset(String section) {
        return switch (section) {
            case "impact" -> withImpact(null);
            case "rootCause" -> withRootCause(null);
            case "wentWell" -> withWentWell(null);
            case "couldImprove" -> withCouldImprove(null);
            case "actionItems" -> withActionItems(null);
            default -> throw new IllegalArgumentException("no editable section '" + section + "': use one of "
                    + SECTIONS);
        };
    }
}
