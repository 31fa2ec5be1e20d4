package dev.rewind.postmortem.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.postmortem.domain.postmortem.ActionItem;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits.Edited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An edit of a post-mortem: each section present replaces the one shown (generated or edited before), each absent one
 * stays as it is, and each section named in {@code reset} returns to Rewind's generated default. An unknown field is
 * refused (400 naming it) rather than ignored: a misspelt section would otherwise be an edit silently lost.
 */
public record PostMortemEdit(
        @Size(max = 2000) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String impact,
        @Size(max = 20000) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank; to return to the "
                + "generated text, name the section in 'reset'") String rootCause,
        @Size(max = 50) List<@NotNull @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                String> wentWell,
        @Size(max = 50) List<@NotNull @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE)
                String> couldImprove,
        @Size(max = 100) List<@NotNull @Valid Item> actionItems,
        List<@NotNull @Pattern(regexp = "impact|rootCause|wentWell|couldImprove|actionItems",
                message = "must name an editable section: impact, rootCause, wentWell, couldImprove or actionItems")
                String> reset,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    /** One line with some text: list items and the impact are lines of the Markdown document. */
    static final String ONE_LINE = "[^\\r\\n]*\\S[^\\r\\n]*";
    static final String ONE_LINE_MESSAGE = "must be one line of text, not blank";

    /** An action item as an editor writes it. */
    public record Item(
            @NotNull @Size(max = 500) @Pattern(regexp = ONE_LINE, message = ONE_LINE_MESSAGE) String text,
            @NotNull @Pattern(regexp = "@?[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                    message = "must be the owner's handle, such as @jane or jane.doe") String owner,
            @NotNull(message = "must be the day it is due, such as 2026-11-20") LocalDate due,
            boolean done) {

        /** The domain's item, the owner without the {@code @}. */
        ActionItem toActionItem() {
            return new ActionItem(text.strip(), owner.startsWith("@") ? owner.substring(1) : owner, due, done);
        }
    }

    /** True when the edit neither sets nor resets a section. */
    boolean changesNothing() {
        return sets().isEmpty() && (reset == null || reset.isEmpty());
    }

    /** The sections this edit sets, by their JSON names. */
    List<String> sets() {
        List<String> sets = new ArrayList<>();
        if (impact != null) {
            sets.add("impact");
        }
        if (rootCause != null) {
            sets.add("rootCause");
        }
        if (wentWell != null) {
            sets.add("wentWell");
        }
        if (couldImprove != null) {
            sets.add("couldImprove");
        }
        if (actionItems != null) {
            sets.add("actionItems");
        }
        return sets;
    }

    /**
     * What bean validation cannot see: an unknown field, a section both set and reset, an action item due before the
     * incident.
     */
    List<FieldViolation> problems(LocalDate incidentDate) {
        List<FieldViolation> problems = new ArrayList<>();
        List<String> resets = reset == null ? List.of() : reset;
        (unknown == null ? Map.<String, Object>of() : unknown).keySet().stream().sorted().forEach(field ->
                problems.add(FieldViolation.body(field, "is not an editable section: use "
                        + String.join(", ", PostMortemEdits.SECTIONS) + " or reset")));
        for (int i = 0; i < resets.size(); i++) {
            if (sets().contains(resets.get(i))) {
                problems.add(FieldViolation.body("reset[" + i + "]", "names '" + resets.get(i)
                        + "', which this edit also sets: do one or the other"));
            }
        }
        List<Item> items = actionItems == null ? List.of() : actionItems;
        for (int i = 0; i < items.size(); i++) {
            if (incidentDate != null && items.get(i).due().isBefore(incidentDate)) {
                problems.add(FieldViolation.body("actionItems[" + i + "].due", "must not be before the incident's "
                        + "date, " + incidentDate + " (UTC)"));
            }
        }
        return problems;
    }

    /** {@code edits} with this edit applied, each section it sets kept with who set it and when. */
    PostMortemEdits applyTo(PostMortemEdits edits, String by, Instant at) {
        PostMortemEdits next = edits;
        for (String section : reset == null ? List.<String>of() : reset) {
            next = next.reset(section);
        }
        if (impact != null) {
            next = next.withImpact(new Edited<>(impact.strip(), by, at));
        }
        if (rootCause != null) {
            next = next.withRootCause(new Edited<>(rootCause.strip(), by, at));
        }
        if (wentWell != null) {
            next = next.withWentWell(new Edited<>(wentWell.stream().map(String::strip).toList(), by, at));
        }
        if (couldImprove != null) {
            next = next.withCouldImprove(new Edited<>(couldImprove.stream().map(String::strip).toList(), by, at));
        }
        if (actionItems != null) {
            next = next.withActionItems(new Edited<>(actionItems.stream().map(Item::toActionItem).toList(), by, at));
        }
        return next;
    }
}
