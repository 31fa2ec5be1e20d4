package dev.rewind.notifier.escalation;

import static dev.rewind.notifier.escalation.EscalationLadderTest.OPENED;
import static dev.rewind.notifier.escalation.EscalationLadderTest.RUNBOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscalationStateTest {

    private final IncidentOpened opened = EventFixtures.event(IncidentOpened.class);

    private EscalationState open() {
        return EscalationState.start(OPENED, RUNBOOK.reachedAtOpening()).after(openedAt(OPENED));
    }

    private IncidentOpened openedAt(Instant at) {
        return new IncidentOpened(opened.incidentId(), opened.incidentNumber(), opened.target(), opened.severity(),
                opened.signal(), opened.reason(), opened.version(), at);
    }

    private static RollbackDeclined declined(DeclineReason code) {
        RollbackDeclined fixture = EventFixtures.event(RollbackDeclined.class);
        return new RollbackDeclined(fixture.incidentId(), fixture.target(), code, fixture.reason(),
                fixture.occurredAt());
    }

    private static IncidentEscalated escalated(int level) {
        IncidentEscalated fixture = EventFixtures.event(IncidentEscalated.class);
        return new IncidentEscalated(fixture.incidentId(), fixture.target(), level, fixture.reason(),
                fixture.occurredAt());
    }

    @Test
    void anOpenedIncidentNamesItsNumberAndWhatIsOpen() {
        EscalationState state = open();
        assertThat(state.incidentNumber()).isEqualTo(123L);
        assertThat(state.reached()).isEqualTo(1);
        assertThat(state.resolved()).isFalse();
        assertThat(state.stillOpen()).isEqualTo("no rollback has started; it opened for: High error rate (12% 5xx "
                + "errors)");
        assertThat(EscalationState.reference(state.incidentNumber(), "x")).isEqualTo("INCIDENT-123");
    }

    @Test
    void aVerifiedRollbackEndsThePath() {
        EscalationState state = open().after(EventFixtures.event(RollbackStarted.class))
                .after(EventFixtures.event(RollbackSucceeded.class));
        assertThat(state.resolved()).isTrue();
        assertThat(state.resolution()).isEqualTo("the rollback succeeded and was verified");
        assertThat(RUNBOOK.due(state, OPENED.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void resolvedAlertsAndARejectionEndThePath() {
        assertThat(open().after(EventFixtures.event(IncidentAlertsResolved.class)).resolution())
                .startsWith("every alert of the incident resolved");
        ApprovalRejected rejected = EventFixtures.event(ApprovalRejected.class);
        assertThat(open().after(rejected).resolution())
                .startsWith(rejected.rejectedBy() + " rejected the rollback and took the incident over: ");
    }

    @ParameterizedTest
    @EnumSource(value = DeclineReason.class, names = {"FIX_FORWARD", "TARGET_NOT_CONFIGURED"})
    void aFixForwardOrATargetRewindDoesNotManageEndsThePath(DeclineReason code) {
        assertThat(open().after(declined(code)).resolution()).startsWith("Rewind declined to roll back (" + code);
    }

    @ParameterizedTest
    @EnumSource(value = DeclineReason.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"FIX_FORWARD", "TARGET_NOT_CONFIGURED"})
    void aGuardThatLeavesTheDecisionToPeopleKeepsThePathGoing(DeclineReason code) {
        EscalationState state = open().after(declined(code));
        assertThat(state.resolved()).isFalse();
        assertThat(state.stillOpen()).startsWith("Rewind declined to roll back (" + code)
                .endsWith("a person must decide");
    }

    @Test
    void aFailedOrUnverifiedRollbackKeepsThePathGoingSayingWhatFailed() {
        EscalationState failed = open().after(EventFixtures.event(RollbackFailed.class));
        assertThat(failed.resolved()).isFalse();
        assertThat(failed.stillOpen()).startsWith("the rollback failed: deployment \"checkout\" exceeded its progress"
                + " deadline (pod checkout-7d9f8-x2x4q: container checkout is waiting: ImagePullBackOff");
        EscalationState unverified = open().after(EventFixtures.event(RollbackUnverified.class));
        assertThat(unverified.resolved()).isFalse();
        assertThat(unverified.stillOpen()).contains("rolled out but its verification did not pass");
    }

    @Test
    void waitingPeopleAndARollbackUnderWayKeepThePathGoing() {
        for (IncidentEvent event : List.<IncidentEvent>of(EventFixtures.event(ApprovalRequested.class),
                EventFixtures.event(GuardOverridden.class), EventFixtures.event(ApprovalGranted.class),
                EventFixtures.event(RollbackStarted.class), EventFixtures.event(ApprovalExpired.class))) {
            EscalationState state = open().after(event);
            assertThat(state.resolved()).as("after %s", event).isFalse();
            assertThat(state.stillOpen()).as("after %s", event).doesNotStartWith("no rollback has started");
        }
    }

    @Test
    void anEndedPathStaysEndedWhateverArrivesLater() {
        EscalationState ended = open().after(EventFixtures.event(RollbackSucceeded.class));
        EscalationState later = ended.after(EventFixtures.event(RollbackFailed.class)).after(openedAt(OPENED));
        assertThat(later.resolved()).isTrue();
        assertThat(later.resolution()).isEqualTo("the rollback succeeded and was verified");
    }

    @Test
    void anOpeningSeenAfterLaterEventsMovesTheStartBackAndAnEndSeenFirstStaysAnEnd() {
        Instant firstSeen = OPENED.plus(Duration.ofMinutes(3));
        EscalationState approvalFirst = EscalationState.start(firstSeen, 1)
                .after(EventFixtures.event(ApprovalRequested.class));
        EscalationState thenOpened = approvalFirst.after(openedAt(OPENED));
        assertThat(thenOpened.openedAt()).isEqualTo(OPENED);
        assertThat(thenOpened.stillOpen()).isEqualTo("no rollback has started; it opened for: High error rate (12% "
                + "5xx errors)");
        assertThat(approvalFirst.after(openedAt(firstSeen.plusSeconds(60))).openedAt()).isEqualTo(firstSeen);

        EscalationState succeededFirst = EscalationState.start(firstSeen, 1)
                .after(EventFixtures.event(RollbackSucceeded.class)).after(openedAt(OPENED));
        assertThat(succeededFirst.resolved()).isTrue();
        assertThat(RUNBOOK.due(succeededFirst, OPENED.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void anEscalationFromAnyoneIsALevelReachedOnceWhicheverOrder() {
        EscalationState state = open().after(escalated(3)).after(escalated(2));
        assertThat(state.reached()).isEqualTo(3);
        assertThat(state.stillOpen()).startsWith("no rollback has started");
        assertThat(open().after(escalated(2)).after(escalated(3)).reached()).isEqualTo(3);
    }

    @Test
    void everyIncidentEventIsEitherFollowedOrIgnoredOnPurpose() {
        for (Class<?> type : IncidentEvent.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            IncidentEvent event = (IncidentEvent) EventFixtures.event((Class<? extends RewindEvent>) type);
            assertThatCode(() -> IncidentProgress.follows(event)).as(type.getSimpleName()).doesNotThrowAnyException();
        }
        assertThat(IncidentProgress.follows(EventFixtures.event(NotificationDelivered.class))).isFalse();
        assertThat(IncidentProgress.follows(EventFixtures.event(IncidentEscalated.class))).isTrue();
    }

    @Test
    void aToolsLongOutputIsCutToOneReadableLine() {
        String cut = IncidentProgress.cut("line one\n   line two " + "x".repeat(1000));
        assertThat(cut).startsWith("line one line two x").hasSize(IncidentProgress.MAX_DETAIL).endsWith("…");
    }
}
