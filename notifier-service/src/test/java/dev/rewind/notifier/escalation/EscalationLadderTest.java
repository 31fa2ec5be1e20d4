package dev.rewind.notifier.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.notifier.escalation.EscalationLadder.Level;
import dev.rewind.notifier.escalation.EscalationLadder.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationLadderTest {

    static final Instant OPENED = Instant.parse("2026-11-27T10:00:00Z");
    static final Level DEVELOPERS = new Level(1, Duration.ZERO, "development team");
    static final Level DEVOPS = new Level(2, Duration.ofMinutes(15), "DevOps team");
    static final Level LEADERSHIP = new Level(3, Duration.ofMinutes(30), "engineering leadership");
    static final Level EXECUTIVES = new Level(4, Duration.ofMinutes(60), "executive team");
    static final EscalationLadder RUNBOOK = new EscalationLadder(List.of(EXECUTIVES, DEVOPS, DEVELOPERS, LEADERSHIP));

    private static EscalationState opened() {
        return EscalationState.start(OPENED, RUNBOOK.reachedAtOpening());
    }

    private static Instant at(int minutes) {
        return OPENED.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void theDevelopmentTeamIsReachedAtOpeningWithoutAnEscalation() {
        assertThat(RUNBOOK.reachedAtOpening()).isEqualTo(1);
        assertThat(RUNBOOK.due(opened(), OPENED)).isEmpty();
        assertThat(RUNBOOK.next(opened())).contains(DEVOPS);
        assertThat(RUNBOOK.nextDue(opened())).contains(at(15));
    }

    @Test
    void eachLevelIsDueAtItsThresholdAndNotBefore() {
        assertThat(RUNBOOK.due(opened(), at(15).minusMillis(1))).isEmpty();
        assertThat(RUNBOOK.due(opened(), at(15))).contains(new Step(DEVOPS, List.of()));

        EscalationState devops = opened().reaching(2);
        assertThat(RUNBOOK.due(devops, at(29))).isEmpty();
        assertThat(RUNBOOK.due(devops, at(30))).contains(new Step(LEADERSHIP, List.of()));
        assertThat(RUNBOOK.nextDue(devops)).contains(at(30));

        EscalationState leadership = devops.reaching(3);
        assertThat(RUNBOOK.due(leadership, at(59))).isEmpty();
        assertThat(RUNBOOK.due(leadership, at(61))).contains(new Step(EXECUTIVES, List.of()));
    }

    @Test
    void afterTheExecutivesNothingIsLeft() {
        EscalationState executives = opened().reaching(4);
        assertThat(RUNBOOK.due(executives, at(600))).isEmpty();
        assertThat(RUNBOOK.next(executives)).isEmpty();
        assertThat(RUNBOOK.nextDue(executives)).isEmpty();
    }

    @Test
    void aLevelReachedElsewhereIsNotAnnouncedAgainAndTheNextOneFollowsOnItsOwnTime() {
        // approval-service escalated to level 2 at its deadline, 10 minutes in
        EscalationState state = opened().reaching(2);
        assertThat(RUNBOOK.due(state, at(20))).isEmpty();
        assertThat(RUNBOOK.due(state, at(30))).contains(new Step(LEADERSHIP, List.of()));
    }

    @Test
    void levelsReachedOutOfOrderKeepTheHighest() {
        EscalationState state = opened().reaching(3).reaching(2);
        assertThat(state.reached()).isEqualTo(3);
        assertThat(RUNBOOK.due(state, at(45))).isEmpty();
        assertThat(RUNBOOK.next(state)).contains(EXECUTIVES);
    }

    @Test
    void afterAnOutageOnlyTheHighestDueLevelIsAnnouncedNamingTheSkippedOnes() {
        assertThat(RUNBOOK.due(opened(), at(40))).contains(new Step(LEADERSHIP, List.of(DEVOPS)));
        assertThat(RUNBOOK.due(opened(), at(90))).contains(new Step(EXECUTIVES, List.of(DEVOPS, LEADERSHIP)));
        assertThat(RUNBOOK.nextDue(opened().reaching(4))).isEmpty();
    }

    @Test
    void whileTheNotifierCatchesUpNothingIsAnnouncedThenOnlyTheHighestDueLevel() {
        // back after 40 minutes down: the opening is read late, its rollback's success may be next in the backlog
        EscalationState late = opened().arrived(OPENED, at(40), Duration.ofMinutes(1));
        assertThat(late.heldUntil()).isEqualTo(at(41));
        assertThat(RUNBOOK.due(late, at(40))).isEmpty();
        assertThat(RUNBOOK.nextDue(late)).as("level 2 was due at 15 min; the hold is later").contains(at(41));
        assertThat(RUNBOOK.due(late, at(41))).contains(new Step(LEADERSHIP, List.of(DEVOPS)));
    }

    @Test
    void anEventOnTimeHoldsNothingAndAHoldShorterThanTheLevelsTimeChangesNothing() {
        assertThat(opened().arrived(OPENED, OPENED.plusSeconds(2), Duration.ofMinutes(1)).heldUntil()).isNull();
        EscalationState held = opened().holding(at(3));
        assertThat(RUNBOOK.nextDue(held)).contains(at(15));
        assertThat(held.holding(at(2)).heldUntil()).as("a longer hold is kept").isEqualTo(at(3));
    }

    @Test
    void aResolvedIncidentHasNothingDue() {
        EscalationState resolved = new EscalationState(OPENED, 42L, 1, null, at(5), "the rollback succeeded",
                null);
        assertThat(RUNBOOK.due(resolved, at(90))).isEmpty();
        assertThat(RUNBOOK.nextDue(resolved)).isEmpty();
    }

    @Test
    void withoutALevelDueAtOnceNoneIsReachedAtOpening() {
        EscalationLadder later = new EscalationLadder(List.of(DEVOPS, LEADERSHIP));
        assertThat(later.reachedAtOpening()).isZero();
        assertThat(later.next(EscalationState.start(OPENED, 0))).contains(DEVOPS);
        assertThat(new EscalationLadder(List.of()).nextDue(EscalationState.start(OPENED, 0))).isEmpty();
    }

    @Test
    void aPathThatMakesNoSenseIsRefusedWithTheKeyToFix() {
        assertThatThrownBy(() -> new EscalationLadder(List.of(new Level(5, Duration.ofHours(2), "board"))))
                .hasMessageContaining("rewind.notifier.escalation.levels.5")
                .hasMessageContaining("levels 1 to 4");
        assertThatThrownBy(() -> new EscalationLadder(List.of(DEVOPS,
                new Level(3, Duration.ofMinutes(10), "engineering leadership"))))
                .hasMessageContaining("rewind.notifier.escalation.levels.3.after (PT10M) must be longer than "
                        + "rewind.notifier.escalation.levels.2.after (PT15M)");
        assertThatThrownBy(() -> new EscalationLadder(List.of(new Level(2, Duration.ofMinutes(-1), "DevOps"))))
                .hasMessageContaining("levels.2.after must be zero or a positive duration");
        assertThatThrownBy(() -> new EscalationLadder(List.of(new Level(2, Duration.ofMinutes(1), " "))))
                .hasMessageContaining("levels.2.name is empty");
    }

    @Test
    void levelsAreKeptInTheirOrder() {
        assertThat(RUNBOOK.levels()).containsExactly(DEVELOPERS, DEVOPS, LEADERSHIP, EXECUTIVES);
        assertThat(DEVOPS.title()).isEqualTo("level 2 (DevOps team)");
    }
}
