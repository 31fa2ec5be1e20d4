package dev.rewind.postmortem.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.postmortem.domain.Incident.DeadlineState;
import dev.rewind.postmortem.domain.Incident.Decision;
import dev.rewind.postmortem.domain.Incident.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncidentHistoryTest {

    @Test
    void theFixturesStoryIsFoldedIntoTheWholeRecord() {
        Incident incident = FixtureStory.recovered();

        assertThat(incident.number()).isEqualTo(123L);
        assertThat(incident.target()).isEqualTo(TargetKey.parse("production/payments/checkout"));
        assertThat(incident.severity()).isEqualTo(Severity.P1);
        assertThat(incident.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(incident.status()).isEqualTo(IncidentStatus.ROLLED_BACK);
        assertThat(incident.reason()).isEqualTo("High error rate (12% 5xx errors)");
        assertThat(incident.versions().judgedBad().images())
                .containsEntry("checkout", "registry.example/payments/checkout:v1.3.0");
        assertThat(incident.versions().rollbackTo().revision()).isEqualTo(1L);
        assertThat(incident.versions().fromVersion()).isEqualTo("v1.3.0");
        assertThat(incident.versions().toVersion()).isEqualTo("v1.2.5");
        assertThat(incident.versions().method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(incident.request().requestedBy()).isEqualTo("rewind-detector");
        assertThat(incident.request().mode()).isEqualTo(ExecutionMode.AUTOMATED);
        assertThat(incident.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.observedValue()).isEqualTo(0.12);
            assertThat(evidence.threshold()).isEqualTo(0.05);
        });
        assertThat(incident.decision().outcome()).isEqualTo(Decision.Outcome.ROLL_BACK);
        assertThat(incident.approvalRequest().approvals()).containsExactly(List.of("oncall", "team-lead"));
        assertThat(incident.approvals()).singleElement().isEqualTo(new Vote(Vote.Verdict.APPROVED, "john.doe", false,
                "slack", "error rate confirmed on the dashboard", Instant.parse("2026-11-15T14:26:40Z")));
        assertThat(incident.steps()).extracting(Incident.Step::step).containsExactly("patched");
        assertThat(incident.verification().passed()).isTrue();
        assertThat(incident.verification().checks()).extracting(Incident.Verification.Check::name)
                .containsExactly("rollout-status", "health-endpoint");
        assertThat(incident.failure()).isNull();
        assertThat(incident.notifications()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo("pagerduty");
            assertThat(n.delivered()).isTrue();
            assertThat(n.summary()).isEqualTo("On-call engineer paged (PagerDuty)");
        });
    }

    @Test
    void timesDurationsAndTheDeadlineAreDerivedFromTheEvents() {
        Incident incident = FixtureStory.recovered();

        Incident.Times times = incident.times();
        assertThat(times.firstAlertAt()).isEqualTo("2026-11-15T14:23:00Z");
        assertThat(times.detectedAt()).isEqualTo("2026-11-15T14:25:31.400Z");
        assertThat(times.approvedAt()).isEqualTo("2026-11-15T14:26:40Z");
        assertThat(times.rollbackStartedAt()).isEqualTo("2026-11-15T14:27:00Z");
        assertThat(times.rollbackCompletedAt()).isEqualTo("2026-11-15T14:32:00Z");
        assertThat(times.recoveredAt()).as("every alert resolved").isEqualTo("2026-11-15T14:34:00Z");
        assertThat(times.closedAt()).isEqualTo("2026-11-15T14:32:00Z");
        assertThat(incident.durations().toApprove()).isEqualTo(Duration.parse("PT1M8.6S"));
        assertThat(incident.durations().toRollBack()).isEqualTo(Duration.parse("PT6M28.6S"));
        assertThat(incident.durations().rollout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(incident.durations().impact()).as("first alert to recovery").isEqualTo(Duration.ofMinutes(11));
        assertThat(incident.deadline()).isEqualTo(new Incident.Deadline(Duration.ofMinutes(15),
                Instant.parse("2026-11-15T14:40:31.400Z"), DeadlineState.MET));
    }

    @Test
    void aLateRollbackMissesItsDeadlineAndAnOpenOneIsPendingUntilItPasses() {
        Deadlines tight = new Deadlines(java.util.Map.of(Severity.P0, Duration.ofMinutes(1), Severity.P1,
                Duration.ofMinutes(5), Severity.P2, Duration.ofHours(1), Severity.P3, Duration.ofHours(4)));
        assertThat(IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(FixtureStory.RECOVERED), tight,
                FixtureStory.LATER).deadline().state()).isEqualTo(DeadlineState.MISSED);

        List<IncidentHistory.Recorded> started = FixtureStory.recorded(FixtureStory.RECOVERED.subList(0, 5));
        assertThat(IncidentHistory.fold(FixtureStory.INCIDENT, started, Deadlines.runbook(),
                Instant.parse("2026-11-15T14:30:00Z")).deadline().state()).isEqualTo(DeadlineState.PENDING);
        assertThat(IncidentHistory.fold(FixtureStory.INCIDENT, started, Deadlines.runbook(),
                Instant.parse("2026-11-15T14:41:00Z")).deadline().state()).isEqualTo(DeadlineState.MISSED);
    }

    @Test
    void aFailedRollbackKeepsTheToolsWordsAndTheDiagnosis() {
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(FixtureStory.FAILED),
                Deadlines.runbook(), FixtureStory.LATER);

        assertThat(incident.status()).isEqualTo(IncidentStatus.ROLLBACK_FAILED);
        assertThat(incident.failure().reason()).isEqualTo("deployment \"checkout\" exceeded its progress deadline");
        assertThat(incident.failure().diagnosis()).isNotEmpty();
        assertThat(incident.times().rollbackCompletedAt()).isNull();
        assertThat(incident.times().closedAt()).isEqualTo("2026-11-15T14:37:00Z");
        assertThat(incident.deadline().state()).isEqualTo(DeadlineState.MISSED);
    }

    @Test
    void theSameEventsInAnyArrivalOrderTellTheSameRecord() {
        Incident inOrder = FixtureStory.recovered();
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<IncidentHistory.Recorded> shuffled = new ArrayList<>(FixtureStory.recorded(FixtureStory.RECOVERED));
            Collections.shuffle(shuffled, random);
            List<IncidentHistory.Recorded> renumbered = new ArrayList<>();
            for (IncidentHistory.Recorded r : shuffled) {
                renumbered.add(new IncidentHistory.Recorded(r.eventId(), renumbered.size() + 1, r.event()));
            }

            assertThat(IncidentHistory.fold(FixtureStory.INCIDENT, renumbered, Deadlines.runbook(),
                    FixtureStory.LATER)).isEqualTo(inOrder);
        }
    }

    @Test
    void aLateStartedEventDoesNotMoveARolledBackIncidentBack() {
        List<String> types = new ArrayList<>(FixtureStory.RECOVERED);
        types.remove("dev.rewind.rollback.started.v1");
        types.add("dev.rewind.rollback.started.v1");

        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(types),
                Deadlines.runbook(), FixtureStory.LATER);

        assertThat(incident.status()).isEqualTo(IncidentStatus.ROLLED_BACK);
        assertThat(incident.times().rollbackStartedAt()).isEqualTo("2026-11-15T14:27:00Z");
    }

    @Test
    void aDeclinedIncidentRecordsTheGuardAndNeedsNoDeadline() {
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(List.of(
                "dev.rewind.incident.opened.v1", "dev.rewind.rollback.declined.v1")), Deadlines.runbook(),
                FixtureStory.LATER);

        assertThat(incident.status()).isEqualTo(IncidentStatus.DECLINED);
        assertThat(incident.decision().outcome()).isEqualTo(Decision.Outcome.DECLINED);
        assertThat(incident.decision().code()).isEqualTo(DeclineReason.IRREVERSIBLE_MIGRATION);
        assertThat(incident.deadline().state()).isEqualTo(DeadlineState.NOT_APPLICABLE);
    }

    @Test
    void anApprovalGivenBeforeARejectionIsRecordedOnceWithItsChannel() {
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT, FixtureStory.recorded(List.of(
                "dev.rewind.incident.opened.v1", "dev.rewind.approval.requested.v1", "dev.rewind.approval.granted.v1",
                "dev.rewind.approval.rejected.v1")), Deadlines.runbook(), FixtureStory.LATER);

        assertThat(incident.approvals()).extracting(Vote::verdict, Vote::by, Vote::channel).containsExactly(
                tuple(Vote.Verdict.APPROVED, "john.doe", "slack"),
                tuple(Vote.Verdict.REJECTED, "jane.roe", "api"));
    }

    @Test
    void aRequestAloneMakesARecordWithItsEvidence() {
        Incident incident = IncidentHistory.fold(FixtureStory.INCIDENT,
                FixtureStory.recorded(List.of("dev.rewind.rollback.requested.v1")), Deadlines.runbook(),
                FixtureStory.LATER);

        assertThat(incident.number()).isEqualTo(123L);
        assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.times().detectedAt()).isEqualTo("2026-11-15T14:25:31.400Z");
        assertThat(incident.evidence()).hasSize(1);
    }
}
