package dev.rewind.postmortem.domain.postmortem;

import java.util.List;
import java.util.function.Function;

/**
 * Writes a post-mortem as Markdown in the runbook's template. Generated sections say so, edited ones say who edited
 * them and when, and every time is UTC.
 */
public final class PostMortemMarkdown {

    /** The note under a section Rewind wrote: people should know it is a default to check and replace. */
    public static final String GENERATED = "_Generated from the incident record; replaced when someone edits it._";

    private PostMortemMarkdown() {
    }

    /** The document, ending with a newline. */
    public static String render(PostMortem postMortem) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(postMortem.title()).append("\n\n");
        summary(out, postMortem);
        out.append("## Timeline (UTC)\n");
        postMortem.timeline().forEach(moment -> out.append("- ")
                .append(Phrases.clock(moment.at(), postMortem.date())).append(" - ").append(moment.text())
                .append('\n'));
        out.append('\n');
        section(out, "Root Cause", postMortem.rootCause(), text -> text + "\n", "");
        section(out, "What Went Well", postMortem.wentWell(), PostMortemMarkdown::bullets,
                "_Nothing recorded yet._\n");
        section(out, "What Could Be Improved", postMortem.couldImprove(), PostMortemMarkdown::bullets,
                "_Nothing recorded yet._\n");
        List<ActionItem> items = postMortem.actionItems().content();
        out.append("## Action Items\n");
        if (!postMortem.actionItems().generated()) {
            out.append(edited(postMortem.actionItems())).append('\n');
        }
        if (items.isEmpty()) {
            out.append("_None yet: editors add them through the API._\n");
        }
        items.forEach(item -> out.append("- [").append(item.done() ? 'x' : ' ').append("] ").append(item.text())
                .append(" (Owner: @").append(item.owner()).append(", Due: ").append(item.due()).append(")\n"));
        return out.toString();
    }

    private static void summary(StringBuilder out, PostMortem postMortem) {
        PostMortem.Summary summary = postMortem.summary();
        out.append("## Incident Summary\n");
        out.append("**Incident**: ").append(postMortem.incident());
        if (postMortem.target() != null) {
            out.append(", ").append(postMortem.target());
        }
        out.append(" (").append(postMortem.status()).append(")\n");
        out.append("**Date**: ").append(postMortem.date()).append(" (UTC)\n");
        out.append("**Duration**: ").append(summary.duration() == null
                ? "ongoing since " + Phrases.clock(summary.impactStart(), postMortem.date()) + " UTC"
                : Phrases.duration(summary.duration()) + " (" + Phrases.clock(summary.impactStart(), postMortem.date())
                        + " to " + Phrases.clock(summary.impactEnd(), postMortem.date()) + " UTC)").append('\n');
        Section<String> impact = summary.impact();
        out.append("**Impact**: ").append(impact.content()).append(impact.generated() ? " _(generated)_"
                : " _(edited by " + impact.editedBy() + " at " + Phrases.dayAndClock(impact.editedAt()) + ")_")
                .append('\n');
        out.append("**Severity**: ").append(summary.severity() == null ? "unknown" : summary.severity())
                .append("\n\n");
    }

    private static <T> void section(StringBuilder out, String heading, Section<T> section,
                                    Function<T, String> body, String whenEmpty) {
        out.append("## ").append(heading).append('\n');
        out.append(section.generated() ? GENERATED : edited(section)).append('\n');
        String text = body.apply(section.content());
        out.append(text.isEmpty() ? whenEmpty : text).append('\n');
    }

    private static String edited(Section<?> section) {
        return "_Edited by " + section.editedBy() + " at " + Phrases.dayAndClock(section.editedAt()) + "._";
    }

    private static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }
}
