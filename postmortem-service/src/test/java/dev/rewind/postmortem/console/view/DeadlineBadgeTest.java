package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The runbook deadline badge: met, missed, time left, soon, overdue, or none. */
class DeadlineBadgeTest {

    private static final Instant DETECTED = Instant.parse("2026-11-15T14:25:31Z");
    private static final Instant DUE = DETECTED.plus(Duration.ofMinutes(15));

    @Test
    void aMetDeadlineSaysMetWhetherOrNotTheIncidentIsOpen() {
        DeadlineBadge expected = new DeadlineBadge("met", "met", null);

        assertThat(DeadlineBadge.of("MET", DETECTED, DUE, DUE.plusSeconds(600), false)).isEqualTo(expected);
        assertThat(DeadlineBadge.of("MET", DETECTED, DUE, DUE.plusSeconds(600), true)).isEqualTo(expected);
    }

    @Test
    void aMissedDeadlineOfAClosedIncidentSaysMissedAndDoesNotTick() {
        assertThat(DeadlineBadge.of("MISSED", DETECTED, DUE, DUE.plusSeconds(3600), false))
                .isEqualTo(new DeadlineBadge("missed", "missed", null));
    }

    @Test
    void aMissedDeadlineOfAnIncidentStillOpenCountsHowFarOverdueItIsAndTicksFromTheDueTime() {
        DeadlineBadge badge = DeadlineBadge.of("MISSED", DETECTED, DUE, DUE.plusSeconds(65), true);

        assertThat(badge).isEqualTo(new DeadlineBadge("overdue 1m 05s", "overdue", DUE.toEpochMilli()));
    }

    @Test
    void aMissedDeadlineWithNoDueTimeSaysMissedEvenWhileOpen() {
        assertThat(DeadlineBadge.of("MISSED", DETECTED, null, DUE.plusSeconds(65), true))
                .isEqualTo(new DeadlineBadge("missed", "missed", null));
    }

    @Test
    void aPendingDeadlineSaysHowMuchTimeIsLeftAndTicksTowardsTheDueTime() {
        DeadlineBadge badge = DeadlineBadge.of("PENDING", DETECTED, DUE, DETECTED.plusSeconds(60), true);

        assertThat(badge).isEqualTo(new DeadlineBadge("14m 00s left", "pending", DUE.toEpochMilli()));
    }

    @Test
    void aPendingDeadlineTurnsSoonInItsLastFifth() {
        Instant oneFifthLeft = DUE.minus(Duration.ofMinutes(3));

        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, oneFifthLeft.minusSeconds(1), true))
                .isEqualTo(new DeadlineBadge("3m 01s left", "pending", DUE.toEpochMilli()));
        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, oneFifthLeft, true))
                .isEqualTo(new DeadlineBadge("3m 00s left", "soon", DUE.toEpochMilli()));
        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, DUE.minusSeconds(1), true))
                .isEqualTo(new DeadlineBadge("1s left", "soon", DUE.toEpochMilli()));
    }

    @Test
    void aPendingDeadlineWithoutADetectionTimeIsNeverSoon() {
        assertThat(DeadlineBadge.of("PENDING", null, DUE, DUE.minusSeconds(1), true).tone()).isEqualTo("pending");
    }

    @Test
    void aPendingDeadlineReachedOrPassedIsOverdue() {
        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, DUE, true))
                .isEqualTo(new DeadlineBadge("overdue 0s", "overdue", DUE.toEpochMilli()));
        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, DUE.plus(Duration.ofHours(2).plusMinutes(5)), true))
                .isEqualTo(new DeadlineBadge("overdue 2h 05m", "overdue", DUE.toEpochMilli()));
    }

    @Test
    void anOverdueTimeCountsWholeSecondsPastTheDueTimeAsThePagesTickingClockDoes() {
        assertThat(DeadlineBadge.of("PENDING", DETECTED, DUE, DUE.plusMillis(65_500), true).text())
                .isEqualTo("overdue 1m 05s");
    }

    @Test
    void aDeadlineThatDoesNotApplyOrHasNoDueTimeIsADash() {
        DeadlineBadge none = new DeadlineBadge("—", "none", null);

        assertThat(DeadlineBadge.of("NOT_APPLICABLE", DETECTED, DUE, DETECTED, true)).isEqualTo(none);
        assertThat(DeadlineBadge.of("PENDING", DETECTED, null, DETECTED, true)).isEqualTo(none);
        assertThat(DeadlineBadge.of(null, DETECTED, DUE, DETECTED, true)).isEqualTo(none);
    }
}
