package dev.rewind.postmortem.console.view;

import dev.rewind.postmortem.api.PostMortemEdit;
import dev.rewind.postmortem.domain.postmortem.ActionItem;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The console's post-mortem editor: each editable section as text (lists one item per line; action items as
 * {@code text | @owner | 2026-12-01}, with {@code [x]} in front when done), and the revision it was read at.
 */
public record PostMortemForm(long revision, String impact, String rootCause, String wentWell, String couldImprove,
                             String actionItems) {

    /** The form of {@code postMortem} as it stands. */
    public static PostMortemForm of(PostMortem postMortem) {
        return new PostMortemForm(postMortem.revision(), postMortem.summary().impact().content(),
                postMortem.rootCause().content(), String.join("\n", postMortem.wentWell().content()),
                String.join("\n", postMortem.couldImprove().content()),
                String.join("\n", postMortem.actionItems().content().stream().map(PostMortemForm::line).toList()));
    }

    /** The result of reading a submitted form: the edit, or what is wrong with the text. */
    public record Reading(PostMortemEdit edit, List<String> problems) {

        /** True when the form changes no section. */
        public boolean changesNothing() {
            return edit.impact() == null && edit.rootCause() == null && edit.wentWell() == null
                    && edit.couldImprove() == null && edit.actionItems() == null;
        }
    }

    /**
     * The edit that turns {@code current} into this form: only the sections whose text changed (a section the form
     * left out, null, is unchanged), so that an untouched generated section stays generated.
     */
    public Reading changesFrom(PostMortemForm current) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("impact", impact);
        fields.put("rootCause", rootCause);
        fields.put("wentWell", wentWell);
        fields.put("couldImprove", couldImprove);
        fields.put("actionItems", actionItems);
        fields.forEach((name, text) -> {
            if (text != null && text.indexOf('\u0000') >= 0) {
                problems.add(name + ": must not contain NUL characters");
            }
        });
        if (!problems.isEmpty()) {
            return new Reading(new PostMortemEdit(null, null, null, null, null, null, Map.of()), problems);
        }
        List<PostMortemEdit.Item> items = null;
        if (!same(actionItems, current.actionItems)) {
            items = new ArrayList<>();
            int number = 0;
            for (String line : lines(actionItems)) {
                number++;
                PostMortemEdit.Item item = item(line, number, problems);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        PostMortemEdit edit = new PostMortemEdit(
                same(impact, current.impact) ? null : oneLine(impact),
                same(rootCause, current.rootCause) ? null : normalised(rootCause),
                same(wentWell, current.wentWell) ? null : lines(wentWell),
                same(couldImprove, current.couldImprove) ? null : lines(couldImprove),
                items, null, Map.of());
        return new Reading(edit, problems);
    }

    private static PostMortemEdit.Item item(String line, int number, List<String> problems) {
        boolean done = line.startsWith("[x]") || line.startsWith("[X]");
        String text = line.replaceFirst("^\\[[ xX]?\\]\\s*", "");
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
            problems.add("action item " + number + ": write it as text | @owner | 2026-12-01, got '" + line + "'");
            return null;
        }
        try {
            return new PostMortemEdit.Item(parts[0].strip(), parts[1].strip(), LocalDate.parse(parts[2].strip()), done);
        } catch (DateTimeParseException e) {
            problems.add("action item " + number + ": '" + parts[2].strip() + "' is not a day such as 2026-12-01");
            return null;
        }
    }

    private static String line(ActionItem item) {
        return (item.done() ? "[x] " : "") + item.text() + " | @" + item.owner() + " | " + item.due();
    }

    private static boolean same(String submitted, String current) {
        return submitted == null || Objects.equals(normalised(submitted), normalised(current));
    }

    private static String normalised(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").strip();
    }

    private static String oneLine(String text) {
        return normalised(text).replaceAll("\\s*\\n\\s*", " ");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(normalised(text).split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.startsWith("- ") ? line.substring(2).strip() : line).toList();
    }
}
