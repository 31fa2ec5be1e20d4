package dev.rewind.postmortem.domain.checklist;

import static dev.rewind.postmortem.domain.checklist.ChecklistStories.ALERTS_RESOLVED;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.COMPLETED;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.delivered;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.recovered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.domain.FixtureStory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static final ChecklistDue RUNBOOK = ChecklistDue.runbook();

    @Test
    void thereIsNoChecklistBeforeTheRollbackCompleted() {
        AutoCheck.Facts failed = new AutoCheck.Facts(ChecklistStories.fold(FixtureStory.FAILED), null);

        assertThat(Checklist.of(failed, Map.of(), RUNBOOK, FixtureStory.LATER)).isEmpty();
    }

    @Test
    void everyRunbookItemIsDueItsPhasesTimeAfterTheRollbackCompleted() {
        Checklist checklist = checklist(Map.of(), COMPLETED);

        assertThat(checklist.startedAt()).isEqualTo(COMPLETED);
        assertThat(checklist.items()).hasSize(17).extracting(Checklist.Entry::item)
                .containsExactly(ChecklistItem.values());
        assertThat(checklist.entry(ChecklistItem.UPDATE_STATUS_PAGE).dueAt())
                .isEqualTo(Instant.parse("2026-11-15T14:37:00Z"));
        assertThat(checklist.entry(ChecklistItem.TAG_FAULTY_RELEASE).dueAt())
                .isEqualTo(Instant.parse("2026-11-15T15:02:00Z"));
        assertThat(checklist.entry(ChecklistItem.COMPLETE_POST_MORTEM).dueAt())
                .isEqualTo(Instant.parse("2026-11-16T14:32:00Z"));
        assertThat(checklist.items()).filteredOn(entry -> entry.phase() == ChecklistPhase.IMMEDIATE).hasSize(5);
        assertThat(checklist.items()).filteredOn(entry -> entry.phase() == ChecklistPhase.SHORT_TERM).hasSize(6);
        assertThat(checklist.items()).filteredOn(entry -> entry.phase() == ChecklistPhase.FOLLOW_UP).hasSize(6);
    }

    @Test
    void configuredPhaseTimesMoveTheDueTimes() {
        ChecklistDue tight = new ChecklistDue(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(8));

        Checklist checklist = Checklist.of(recovered(), Map.of(), tight, COMPLETED).orElseThrow();

        assertThat(checklist.entry(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS).dueAt())
                .isEqualTo(COMPLETED.plus(Duration.ofMinutes(2)));
        assertThat(checklist.entry(ChecklistItem.UPDATE_RUNBOOK).dueAt()).isEqualTo(COMPLETED.plusSeconds(600));
        assertThat(checklist.entry(ChecklistItem.SHARE_LEARNINGS).dueAt()).isEqualTo(COMPLETED.plus(Duration.ofHours(8)));
    }

    @Test
    void anItemIsOverdueOnlyAfterItsDueTimeAndOnlyWhileNotChecked() {
        Instant immediateDue = COMPLETED.plus(Duration.ofMinutes(5));

        assertThat(checklist(Map.of(), immediateDue).overdue()).as("due, not yet late").isEmpty();
        assertThat(checklist(Map.of(), immediateDue.plusSeconds(1)).overdue()).extracting(Checklist.Entry::item)
                .as("the recovered story checked the rest of the immediate items itself")
                .containsExactly(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS, ChecklistItem.UPDATE_STATUS_PAGE);
        assertThat(checklist(Map.of(), FixtureStory.LATER).overdue()).extracting(Checklist.Entry::item)
                .containsExactly(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS, ChecklistItem.UPDATE_STATUS_PAGE,
                        ChecklistItem.NOTIFY_STAKEHOLDERS, ChecklistItem.DOCUMENT_ROOT_CAUSE,
                        ChecklistItem.TAG_FAULTY_RELEASE, ChecklistItem.UPDATE_RUNBOOK,
                        ChecklistItem.COMPLETE_POST_MORTEM, ChecklistItem.IDENTIFY_PREVENTION_MEASURES,
                        ChecklistItem.CREATE_JIRA_TICKETS, ChecklistItem.UPDATE_DEPLOYMENT_CHECKLIST,
                        ChecklistItem.SHARE_LEARNINGS, ChecklistItem.UPDATE_MONITORING);
    }

    @Test
    void anAutomaticCheckSaysRewindDidItWhenAndWhy() {
        Checklist.Entry entry = checklist(Map.of(), FixtureStory.LATER).entry(ChecklistItem.CHECK_ERROR_RATES);

        assertThat(entry.checked()).isTrue();
        assertThat(entry.how()).isEqualTo(Checklist.How.AUTOMATIC);
        assertThat(entry.by()).isEqualTo("rewind");
        assertThat(entry.at()).isEqualTo(ALERTS_RESOLVED);
        assertThat(entry.rule()).isEqualTo("every alert of the incident resolved");
        assertThat(entry.overdue()).isFalse();
    }

    @Test
    void aPersonsCheckKeepsWhoWhenAndTheNoteAndIsNeverOverdue() {
        Instant late = COMPLETED.plus(Duration.ofHours(1));
        Mark checked = new Mark(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS, true, "alice", late,
                "pgbouncer pool back to 40 connections");

        Checklist.Entry entry = checklist(Map.of(checked.item(), checked), FixtureStory.LATER)
                .entry(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS);

        assertThat(entry).isEqualTo(new Checklist.Entry(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS,
                COMPLETED.plus(Duration.ofMinutes(5)), true, Checklist.How.PERSON, "alice", late,
                "pgbouncer pool back to 40 connections", null, false));
    }

    @Test
    void aPersonUncheckingWhatRewindCheckedWinsUntilNewerEvidence() {
        Instant afterTheEvidence = ALERTS_RESOLVED.plusSeconds(60);
        Mark unchecked = new Mark(ChecklistItem.VERIFY_DASHBOARDS_GREEN, false, "bob", afterTheEvidence,
                "the latency panel is still amber");

        Checklist.Entry entry = checklist(Map.of(unchecked.item(), unchecked), FixtureStory.LATER)
                .entry(ChecklistItem.VERIFY_DASHBOARDS_GREEN);
        assertThat(entry.checked()).isFalse();
        assertThat(entry.how()).isEqualTo(Checklist.How.PERSON);
        assertThat(entry.by()).isEqualTo("bob");
        assertThat(entry.overdue()).isTrue();

        Mark uncheckedEarlier = new Mark(ChecklistItem.VERIFY_DASHBOARDS_GREEN, false, "bob",
                ALERTS_RESOLVED.minusSeconds(60), "still red");
        assertThat(checklist(Map.of(uncheckedEarlier.item(), uncheckedEarlier), FixtureStory.LATER)
                .entry(ChecklistItem.VERIFY_DASHBOARDS_GREEN).how()).isEqualTo(Checklist.How.AUTOMATIC);
    }

    @Test
    void aPersonWhoCheckedBeforeRewindsEvidenceKeepsTheCredit() {
        Instant before = COMPLETED.plusSeconds(30);
        Mark checked = new Mark(ChecklistItem.UPDATE_STATUS_PAGE, true, "carol", before, "posted by hand");
        AutoCheck.Facts facts = recovered(delivered("statuspage", "rollback-succeeded", COMPLETED.plusSeconds(90)));

        Checklist.Entry entry = Checklist.of(facts, Map.of(checked.item(), checked), RUNBOOK, FixtureStory.LATER)
                .orElseThrow().entry(ChecklistItem.UPDATE_STATUS_PAGE);

        assertThat(entry.by()).isEqualTo("carol");
        assertThat(entry.at()).isEqualTo(before);
        assertThat(entry.checked()).isTrue();
    }

    private static Checklist checklist(Map<ChecklistItem, Mark> marks, Instant now) {
        return Checklist.of(recovered(), marks, RUNBOOK, now).orElseThrow();
    }
}
