package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.api.PostMortemEdit;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.postmortem.ActionItem;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits.Edited;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's post-mortem editor: the form of a post-mortem, and the edit a submitted form makes. */
class PostMortemFormTest {

    private static final Instant EDITED_AT = Instant.parse("2026-11-16T09:12:45Z");

    private static PostMortem edited() {
        PostMortemEdits edits = PostMortemEdits.NONE
                .withRootCause(new Edited<>("Database connection pool exhaustion in v1.3.0", "alice", EDITED_AT))
                .withActionItems(new Edited<>(List.of(
                        new ActionItem("Add connection pool load tests", "jane", LocalDate.parse("2026-11-20"), false),
                        new ActionItem("Add connection pool monitoring", "alice", LocalDate.parse("2026-11-22"), true)),
                        "carol", EDITED_AT));
        return PostMortem.of(FixtureStory.recovered(), edits, 4);
    }

    private static PostMortemForm current() {
        return PostMortemForm.of(edited());
    }

    private static PostMortemForm withActionItems(String actionItems) {
        PostMortemForm current = current();
        return new PostMortemForm(current.revision(), current.impact(), current.rootCause(), current.wentWell(),
                current.couldImprove(), actionItems);
    }

    @Test
    void theFormShowsEachSectionAsTextAndTheRevisionItWasReadAt() {
        PostMortem postMortem = edited();

        PostMortemForm form = PostMortemForm.of(postMortem);

        assertThat(form.revision()).isEqualTo(4);
        assertThat(form.impact()).isEqualTo(postMortem.summary().impact().content()).isNotBlank();
        assertThat(form.rootCause()).isEqualTo("Database connection pool exhaustion in v1.3.0");
        assertThat(form.wentWell()).isEqualTo(String.join("\n", postMortem.wentWell().content()))
                .contains("Detected by monitoring 2m31s after the first alert");
        assertThat(form.actionItems()).isEqualTo("Add connection pool load tests | @jane | 2026-11-20\n"
                + "[x] Add connection pool monitoring | @alice | 2026-11-22");
    }

    @Test
    void aFormSubmittedUntouchedChangesNothing() {
        PostMortemForm.Reading reading = current().changesFrom(current());

        assertThat(reading.changesNothing()).isTrue();
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void aFormOfAPostMortemNobodyEditedSubmittedUntouchedChangesNothing() {
        PostMortemForm generated = PostMortemForm.of(PostMortem.of(FixtureStory.recovered(), PostMortemEdits.NONE, 0));

        PostMortemForm.Reading reading = generated.changesFrom(generated);

        assertThat(reading.changesNothing()).isTrue();
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void aBrowsersLineEndingsAndSurroundingWhitespaceChangeNothing() {
        PostMortemForm current = current();
        PostMortemForm submitted = new PostMortemForm(current.revision(), " " + current.impact() + "\r\n",
                current.rootCause() + "\r\n\r\n", current.wentWell().replace("\n", "\r\n"),
                "\n" + current.couldImprove(), current.actionItems().replace("\n", "\r\n") + "\r\n");

        assertThat(submitted.changesFrom(current).changesNothing()).isTrue();
    }

    @Test
    void aChangedRootCauseSetsTheRootCauseAndNothingElse() {
        PostMortemForm current = current();
        PostMortemForm submitted = new PostMortemForm(current.revision(), current.impact(),
                "  A missing index on orders.created_at\r\nmade every checkout scan the table.  ", current.wentWell(),
                current.couldImprove(), current.actionItems());

        PostMortemForm.Reading reading = submitted.changesFrom(current);

        assertThat(reading.changesNothing()).isFalse();
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.edit()).isEqualTo(new PostMortemEdit(null,
                "A missing index on orders.created_at\nmade every checkout scan the table.", null, null, null, null,
                Map.of()));
    }

    @Test
    void aSectionTheFormLeftOutIsUnchanged() {
        PostMortemForm submitted = new PostMortemForm(4, null, null, null, null, null);

        PostMortemForm.Reading reading = submitted.changesFrom(current());

        assertThat(reading.changesNothing()).isTrue();
        assertThat(reading.problems()).isEmpty();
    }

    @Test
    void aFormWithOnlyTheRootCauseSetsOnlyTheRootCause() {
        PostMortemForm submitted = new PostMortemForm(4, null, "Pool exhaustion", null, null, null);

        PostMortemEdit edit = submitted.changesFrom(current()).edit();

        assertThat(edit.rootCause()).isEqualTo("Pool exhaustion");
        assertThat(edit.impact()).isNull();
        assertThat(edit.wentWell()).isNull();
        assertThat(edit.couldImprove()).isNull();
        assertThat(edit.actionItems()).isNull();
    }

    @Test
    void actionItemsAreReadAsTextOwnerAndDueDayWithAnXInFrontWhenDone() {
        PostMortemForm.Reading reading = withActionItems("Add load tests | @jane | 2030-01-15\n"
                + "[x] done item | @a | 2030-01-01\n"
                + "[X] also done | b | 2030-01-02\n"
                + "[ ] not done yet | @c | 2030-01-03").changesFrom(current());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.edit().actionItems()).containsExactly(
                new PostMortemEdit.Item("Add load tests", "@jane", LocalDate.parse("2030-01-15"), false),
                new PostMortemEdit.Item("done item", "@a", LocalDate.parse("2030-01-01"), true),
                new PostMortemEdit.Item("also done", "b", LocalDate.parse("2030-01-02"), true),
                new PostMortemEdit.Item("not done yet", "@c", LocalDate.parse("2030-01-03"), false));
        assertThat(reading.edit().rootCause()).isNull();
    }

    @Test
    void actionItemsWrittenAsAListKeepTheirTextWithoutTheBullet() {
        PostMortemForm.Reading reading = withActionItems("- Add load tests | @jane | 2030-01-15\n\n"
                + "  - [x] done item | @a | 2030-01-01  ").changesFrom(current());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.edit().actionItems()).containsExactly(
                new PostMortemEdit.Item("Add load tests", "@jane", LocalDate.parse("2030-01-15"), false),
                new PostMortemEdit.Item("done item", "@a", LocalDate.parse("2030-01-01"), true));
    }

    @Test
    void badActionItemLinesAreEachReportedByTheirNumberAndLeftOut() {
        PostMortemForm.Reading reading = withActionItems("Add load tests with no owner\n"
                + "Add monitoring | @alice | 2030-01-01\n"
                + "\n"
                + "Write the runbook | @bob | next week\n"
                + "Too | many | parts | here").changesFrom(current());

        assertThat(reading.problems()).containsExactly(
                "action item 1: write it as text | @owner | 2026-12-01, got 'Add load tests with no owner'",
                "action item 3: 'next week' is not a day such as 2026-12-01",
                "action item 4: write it as text | @owner | 2026-12-01, got 'Too | many | parts | here'");
        assertThat(reading.edit().actionItems()).containsExactly(
                new PostMortemEdit.Item("Add monitoring", "@alice", LocalDate.parse("2030-01-01"), false));
    }

    @Test
    void clearingTheActionItemsRemovesThemAll() {
        PostMortemForm.Reading reading = withActionItems("  \n").changesFrom(current());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.changesNothing()).isFalse();
        assertThat(reading.edit().actionItems()).isEmpty();
    }

    @Test
    void listsAreReadOneItemALineWithoutBulletsOrBlankLines() {
        PostMortemForm current = current();
        PostMortemForm submitted = new PostMortemForm(current.revision(), current.impact(), current.rootCause(),
                "- Detected fast\n\n   - Clear runbook  \r\nPaged the right person\n-not a bullet",
                "\n- Slow approval\n", current.actionItems());

        PostMortemEdit edit = submitted.changesFrom(current).edit();

        assertThat(edit.wentWell())
                .containsExactly("Detected fast", "Clear runbook", "Paged the right person", "-not a bullet");
        assertThat(edit.couldImprove()).containsExactly("Slow approval");
        assertThat(edit.actionItems()).isNull();
    }

    @Test
    void aChangedImpactWrittenOnSeveralLinesBecomesOneLine() {
        PostMortemForm current = current();
        PostMortemForm submitted = new PostMortemForm(current.revision(),
                "12% of checkout requests failed\r\n   for 4 minutes,\n\n about 1000 requests ", current.rootCause(),
                current.wentWell(), current.couldImprove(), current.actionItems());

        PostMortemEdit edit = submitted.changesFrom(current).edit();

        assertThat(edit.impact()).isEqualTo("12% of checkout requests failed for 4 minutes, about 1000 requests");
        assertThat(edit.rootCause()).isNull();
    }

    @Test
    void aNulCharacterInAnySectionIsRefusedAsTheApiRefusesIt() {
        PostMortemForm current = PostMortemForm.of(PostMortem.of(FixtureStory.recovered(), PostMortemEdits.NONE, 0));
        PostMortemForm submitted = new PostMortemForm(0, null, "before\u0000after", null, null, null);

        PostMortemForm.Reading reading = submitted.changesFrom(current);

        assertThat(reading.problems()).containsExactly("rootCause: must not contain NUL characters");
        assertThat(reading.changesNothing()).isTrue();
    }
}
