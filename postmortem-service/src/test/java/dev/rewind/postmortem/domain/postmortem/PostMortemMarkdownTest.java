package dev.rewind.postmortem.domain.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Topics;
import dev.rewind.postmortem.domain.Deadlines;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentHistory;
import dev.rewind.postmortem.domain.postmortem.PostMortemEdits.Edited;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostMortemMarkdownTest {

    private static final Instant EDITED_AT = Instant.parse("2026-11-16T09:12:45Z");

    @Test
    void anEditedSectionReplacesTheGeneratedOneAndSaysWhoEditedItAndWhenTheOthersStayGenerated() {
        PostMortemEdits edits = PostMortemEdits.NONE
                .withRootCause(new Edited<>("Database connection pool exhaustion in v1.3.0", "alice", EDITED_AT))
                .withImpact(new Edited<>("12% of checkout requests failed, ~1000 requests", "bob", EDITED_AT));

        String markdown = PostMortemMarkdown.render(PostMortem.of(FixtureStory.recovered(), edits, 2));

        assertThat(markdown).contains("## Root Cause\n_Edited by alice at 2026-11-16 09:12 UTC._\n"
                + "Database connection pool exhaustion in v1.3.0\n\n");
        assertThat(markdown).contains("**Impact**: 12% of checkout requests failed, ~1000 requests _(edited by bob at "
                + "2026-11-16 09:12 UTC)_\n");
        assertThat(markdown).doesNotContain("Not written yet").doesNotContain("_(generated)_");
        assertThat(markdown).contains("## What Went Well\n" + PostMortemMarkdown.GENERATED + "\n- Detected by");
    }

    @Test
    void actionItemsAreWrittenAsTheRunbooksChecklistWithOwnerAndDueDate() {
        PostMortemEdits edits = PostMortemEdits.NONE.withActionItems(new Edited<>(List.of(
                new ActionItem("Add connection pool load tests", "jane", LocalDate.parse("2026-11-20"), false),
                new ActionItem("Add connection pool monitoring", "alice", LocalDate.parse("2026-11-22"), true)),
                "carol", EDITED_AT));

        String markdown = PostMortemMarkdown.render(PostMortem.of(FixtureStory.recovered(), edits, 1));

        assertThat(markdown).endsWith("## Action Items\n_Edited by carol at 2026-11-16 09:12 UTC._\n"
                + "- [ ] Add connection pool load tests (Owner: @jane, Due: 2026-11-20)\n"
                + "- [x] Add connection pool monitoring (Owner: @alice, Due: 2026-11-22)\n");
    }

    @Test
    void aResetSectionIsGeneratedAgain() {
        PostMortemEdits edits = PostMortemEdits.NONE
                .withWentWell(new Edited<>(List.of("Paged the right person"), "alice", EDITED_AT)).reset("wentWell");

        PostMortem postMortem = PostMortem.of(FixtureStory.recovered(), edits, 3);

        assertThat(postMortem.wentWell().generated()).isTrue();
        assertThat(postMortem.wentWell().content()).contains("Detected by monitoring 2m31s after the first alert");
    }

    @Test
    void aFailedRollbackPastItsDeadlineIsWhatCouldBeImprovedNotWhatWentWell() {
        Incident failed = IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(FixtureStory.FAILED),
                Deadlines.runbook(), FixtureStory.LATER);

        PostMortem postMortem = PostMortem.of(failed, PostMortemEdits.NONE, 0);

        assertThat(postMortem.couldImprove().content()).containsExactly(
                "Not rolled back within P1's 15-minute deadline",
                "Rollback failed: deployment \"checkout\" exceeded its progress deadline");
        assertThat(postMortem.wentWell().content()).containsExactly(
                "Detected by monitoring 2m31s after the first alert");
        assertThat(PostMortemMarkdown.render(postMortem))
                .contains("- 14:37 - Rollback failed: deployment \"checkout\" exceeded its progress deadline\n");
    }

    @Test
    void aLostNotificationAndAFailedVerificationAreWhatCouldBeImproved() {
        List<IncidentHistory.Recorded> events = new ArrayList<>(FixtureStory.recorded(FixtureStory.RECOVERED).stream()
                .filter(r -> !r.event().getClass().getSimpleName().equals("VerificationCompleted")).toList());
        String failedCheck = EventFixtures.json("dev.rewind.verification.completed.v1")
                .replace("\"passed\": true,\n", "\"passed\": false,\n")
                .replace("\"passed\": true, \"detail\": \"200 OK\"", "\"passed\": false, \"detail\": \"503\"");
        events.add(new IncidentHistory.Recorded(UUID.randomUUID(), 20,
                Topics.INCIDENT_EVENTS.parse("dev.rewind.verification.completed.v1", failedCheck)));
        events.add(new IncidentHistory.Recorded(UUID.randomUUID(), 21,
                FixtureStory.event("dev.rewind.notification.failed.v1")));
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, events, Deadlines.runbook(),
                FixtureStory.LATER);

        PostMortem postMortem = PostMortem.of(incident, PostMortemEdits.NONE, 0);

        assertThat(postMortem.couldImprove().content()).containsExactly(
                "Verification failed: health-endpoint (503)",
                "Could not notify on slack (rollback-started): Slack answered 503 Service Unavailable 8 times over "
                        + "1 hour; the message was not delivered");
        assertThat(postMortem.wentWell().content()).noneMatch(line -> line.startsWith("Verification passed")
                || line.startsWith("Every notification"));
        assertThat(PostMortemMarkdown.render(postMortem)).contains("- 15:27 - Could not notify on slack");
    }

    @Test
    void theTimelineIsInTheOrderThingsHappenedWhateverOrderTheyArrivedIn() {
        List<IncidentHistory.Recorded> reversed = new ArrayList<>(FixtureStory.recorded(FixtureStory.RECOVERED));
        Collections.reverse(reversed);
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, reversed, Deadlines.runbook(),
                FixtureStory.LATER);

        assertThat(PostMortem.of(incident, PostMortemEdits.NONE, 0).timeline())
                .isEqualTo(PostMortem.of(FixtureStory.recovered(), PostMortemEdits.NONE, 0).timeline())
                .extracting(PostMortem.Moment::at).isSorted();
    }
}
