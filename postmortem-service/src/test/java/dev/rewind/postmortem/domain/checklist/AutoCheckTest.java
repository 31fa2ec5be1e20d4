package dev.rewind.postmortem.domain.checklist;

import static dev.rewind.postmortem.domain.checklist.ChecklistStories.ALERTS_RESOLVED;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.COMPLETED;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.TARGET;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.VERIFIED;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.delivered;
import static dev.rewind.postmortem.domain.checklist.ChecklistStories.recovered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.domain.Incident;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AutoCheckTest {

    private static final Instant LATE = Instant.parse("2026-11-15T14:33:10Z");

    /** The items only a person can do. */
    private static final Set<ChecklistItem> MANUAL = EnumSet.of(ChecklistItem.CONFIRM_DATABASE_CONNECTIONS,
            ChecklistItem.DOCUMENT_ROOT_CAUSE, ChecklistItem.UPDATE_RUNBOOK, ChecklistItem.COMPLETE_POST_MORTEM,
            ChecklistItem.IDENTIFY_PREVENTION_MEASURES, ChecklistItem.UPDATE_DEPLOYMENT_CHECKLIST,
            ChecklistItem.SHARE_LEARNINGS, ChecklistItem.UPDATE_MONITORING);

    @Test
    void theApplicationIsRespondingOnceTheRollbackSucceededWhichTheExecutorSaysOnlyAfterItsChecksPassed() {
        assertThat(AutoCheck.evidence(ChecklistItem.VERIFY_APPLICATION_RESPONDING, recovered()))
                .contains(new AutoCheck.Evidence(COMPLETED, "verification passed"));
    }

    @Test
    void anUnverifiedRollbackLeavesTheApplicationCheckOpenUntilAVerificationPasses() {
        List<String> unverified = List.of("dev.rewind.incident.opened.v1", "dev.rewind.rollback.requested.v1",
                "dev.rewind.rollback.started.v1", "dev.rewind.rollback.unverified.v1");
        Incident withoutVerification = ChecklistStories.fold(unverified);
        Incident verifiedLater = ChecklistStories.fold(plus(unverified, "dev.rewind.verification.completed.v1"));

        assertThat(AutoCheck.evidence(ChecklistItem.VERIFY_APPLICATION_RESPONDING,
                new AutoCheck.Facts(withoutVerification, null))).isEmpty();
        assertThat(AutoCheck.evidence(ChecklistItem.VERIFY_APPLICATION_RESPONDING,
                new AutoCheck.Facts(verifiedLater, null))).map(AutoCheck.Evidence::at).contains(VERIFIED);
    }

    @ParameterizedTest
    @EnumSource(value = ChecklistItem.class, names = {"CHECK_ERROR_RATES", "VERIFY_DASHBOARDS_GREEN"})
    void errorRatesAndDashboardsAreBackWhenEveryAlertResolved(ChecklistItem item) {
        assertThat(AutoCheck.evidence(item, recovered())).map(AutoCheck.Evidence::at).contains(ALERTS_RESOLVED);
        assertThat(AutoCheck.evidence(item, new AutoCheck.Facts(FixtureStory.recovered(), null)))
                .as("a passed verification is not every alert resolved").isEmpty();
    }

    @Test
    void theStatusPageIsUpdatedWhenItWasToldTheRollbacksOutcome() {
        NotificationDelivered resolved = delivered("statuspage", "rollback-succeeded", LATE);

        assertThat(AutoCheck.evidence(ChecklistItem.UPDATE_STATUS_PAGE, recovered(resolved)))
                .contains(new AutoCheck.Evidence(LATE, "statuspage: rollback-succeeded"));
        assertThat(AutoCheck.evidence(ChecklistItem.UPDATE_STATUS_PAGE,
                recovered(delivered("statuspage", "rollback-unverified", LATE)))).isPresent();
    }

    @Test
    void anOpeningOnTheStatusPageOrAFailedUpdateDoesNotUpdateItAfterTheRollback() {
        NotificationDelivered opening = delivered("statuspage", "incident-opened", LATE);
        NotificationFailed failed = new NotificationFailed(FixtureStory.INCIDENT, TARGET, "statuspage",
                UUID.randomUUID(), "dev.rewind.rollback.succeeded.v1", "rollback-succeeded", 5, "503", LATE);

        assertThat(AutoCheck.evidence(ChecklistItem.UPDATE_STATUS_PAGE, recovered(opening, failed))).isEmpty();
    }

    @Test
    void aDeliveryRecordedBeforeNotificationNamesCountsByTheOutcomesEventType() {
        NotificationDelivered old = new NotificationDelivered(FixtureStory.INCIDENT, TARGET, "statuspage",
                UUID.randomUUID(), "dev.rewind.rollback.succeeded.v1", null, null, LATE);

        assertThat(AutoCheck.evidence(ChecklistItem.UPDATE_STATUS_PAGE, recovered(old)))
                .contains(new AutoCheck.Evidence(LATE, "dev.rewind.rollback.succeeded.v1 delivered on statuspage"));
    }

    @Test
    void stakeholdersAreNotifiedWhenSlackWasToldTheOutcomeNotWhenItPostedAnOverdueReminder() {
        NotificationDelivered reminder = delivered("slack", "checklist-item-overdue-update-status-page", LATE);
        NotificationDelivered outcome = delivered("slack", "rollback-succeeded", LATE.plusSeconds(1));

        assertThat(AutoCheck.evidence(ChecklistItem.NOTIFY_STAKEHOLDERS, recovered(reminder))).isEmpty();
        assertThat(AutoCheck.evidence(ChecklistItem.NOTIFY_STAKEHOLDERS, recovered(reminder, outcome)))
                .map(AutoCheck.Evidence::at).contains(LATE.plusSeconds(1));
    }

    @Test
    void theIncidentRecordIsTheReportOnceTheRollbackCompleted() {
        assertThat(AutoCheck.evidence(ChecklistItem.CREATE_INCIDENT_REPORT, recovered()))
                .map(AutoCheck.Evidence::at).contains(COMPLETED);
    }

    @Test
    void theFaultyReleaseIsTaggedWhenGitDeliveredTheTag() {
        assertThat(AutoCheck.evidence(ChecklistItem.TAG_FAULTY_RELEASE, recovered())).isEmpty();
        assertThat(AutoCheck.evidence(ChecklistItem.TAG_FAULTY_RELEASE,
                recovered(delivered("git", "faulty-release-tag", LATE)))).map(AutoCheck.Evidence::at).contains(LATE);
    }

    @Test
    void jiraTicketsAreCreatedWhenJiraDeliveredTheFollowUpTicket() {
        assertThat(AutoCheck.evidence(ChecklistItem.CREATE_JIRA_TICKETS, recovered())).isEmpty();
        assertThat(AutoCheck.evidence(ChecklistItem.CREATE_JIRA_TICKETS,
                recovered(delivered("jira", "follow-up-ticket", LATE)))).map(AutoCheck.Evidence::at).contains(LATE);
    }

    @Test
    void theFaultyVersionIsBlockedByACompletedRollbackFromAReleaseJudgedBad() {
        assertThat(AutoCheck.evidence(ChecklistItem.BLOCK_FAULTY_VERSION, recovered()))
                .hasValueSatisfying(evidence -> {
                    assertThat(evidence.at()).isEqualTo(COMPLETED);
                    assertThat(evidence.note()).contains("revision 2").contains("never rolls back to it");
                });
        RollbackSucceeded withoutRelease = new RollbackSucceeded(FixtureStory.INCIDENT, TARGET, UUID.randomUUID(),
                RollbackMethod.KUBECTL, "v1.3.0", "v1.2.5", null, null, COMPLETED);
        Incident releaseUnknown = ChecklistStories.fold(List.of("dev.rewind.incident.opened.v1"), withoutRelease);
        assertThat(AutoCheck.evidence(ChecklistItem.BLOCK_FAULTY_VERSION, new AutoCheck.Facts(releaseUnknown, null)))
                .isEmpty();
    }

    @Test
    void theItemsOnlyAPersonCanDoAreNeverCheckedAutomatically() {
        AutoCheck.Facts everything = recovered(delivered("statuspage", "rollback-succeeded", LATE),
                delivered("slack", "rollback-succeeded", LATE), delivered("git", "faulty-release-tag", LATE),
                delivered("jira", "follow-up-ticket", LATE));

        for (ChecklistItem item : ChecklistItem.values()) {
            assertThat(AutoCheck.rule(item).isEmpty()).as("%s has no rule", item).isEqualTo(MANUAL.contains(item));
            assertThat(AutoCheck.evidence(item, everything).isEmpty()).as("%s not checked", item)
                    .isEqualTo(MANUAL.contains(item));
        }
    }

    @Test
    void nothingIsCheckedBeforeTheRollbackCompleted() {
        Incident failed = ChecklistStories.fold(FixtureStory.FAILED);

        for (ChecklistItem item : ChecklistItem.values()) {
            assertThat(AutoCheck.evidence(item, new AutoCheck.Facts(failed, null))).as("%s", item).isEmpty();
        }
    }

    private static List<String> plus(List<String> types, String more) {
        return java.util.stream.Stream.concat(types.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
