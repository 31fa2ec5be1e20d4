package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.postmortem.domain.Incident;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incident's stretches between milestones, each as a share of the whole. */
class PhaseTest {

    private static final Instant DETECTED = Instant.parse("2026-11-15T14:25:31Z");

    private static Incident.Times times(Instant detected, Instant approved, Instant started, Instant completed,
                                        Instant recovered) {
        return new Incident.Times(detected == null ? null : detected.minusSeconds(151), detected, approved, started,
                completed, recovered, recovered, null);
    }

    private static Instant at(long seconds) {
        return DETECTED.plusSeconds(seconds);
    }

    @Test
    void everyMilestoneReachedMakesFourStretchesInOrderWithTheirShareOfTheWhole() {
        List<Phase> phases = Phase.of(times(DETECTED, at(120), at(180), at(480), at(600)));

        assertThat(phases).containsExactly(
                new Phase("to approve", "2m 00s", 20, 0),
                new Phase("to start", "1m 00s", 10, 1),
                new Phase("rollout", "5m 00s", 50, 2),
                new Phase("to recover", "2m 00s", 20, 3));
    }

    @Test
    void anAutomaticApprovalWithoutAnApprovalTimeCountsTheWaitToStartFromDetection() {
        List<Phase> phases = Phase.of(times(DETECTED, null, at(60), at(240), null));

        assertThat(phases).containsExactly(
                new Phase("to start", "1m 00s", 25, 1),
                new Phase("rollout", "3m 00s", 75, 2));
    }

    @Test
    void onlyTheStretchesEndedSoFarAreShown() {
        List<Phase> phases = Phase.of(times(DETECTED, at(30), at(45), null, null));

        assertThat(phases).extracting(Phase::label).containsExactly("to approve", "to start");
        assertThat(phases).extracting(Phase::percent).containsExactly(67, 33);
    }

    @Test
    void aTinyStretchBesideLongOnesStillGetsOnePercentAndTheSharesSumToAboutAHundred() {
        List<Phase> phases = Phase.of(times(DETECTED, at(1), at(2), at(36_000), at(36_001)));

        assertThat(phases).hasSize(4).allSatisfy(phase -> assertThat(phase.percent()).isGreaterThanOrEqualTo(1));
        assertThat(phases).extracting(Phase::percent).containsExactly(1, 1, 100, 1);
        assertThat(phases.stream().mapToInt(Phase::percent).sum()).isBetween(97, 103);
    }

    @Test
    void theSharesOfUnevenStretchesSumToAboutAHundred() {
        List<Phase> phases = Phase.of(times(DETECTED, at(7), at(19), at(131), at(137)));

        assertThat(phases.stream().mapToInt(Phase::percent).sum()).isBetween(98, 102);
    }

    @Test
    void aMilestoneBeforeThePreviousOneIsSkippedAndTheNextStretchCountsFromThePreviousOne() {
        List<Phase> phases = Phase.of(times(DETECTED, DETECTED.minusSeconds(10), at(60), at(120), null));

        assertThat(phases).containsExactly(
                new Phase("to start", "1m 00s", 50, 1),
                new Phase("rollout", "1m 00s", 50, 2));
    }

    @Test
    void stretchesOfNoLengthShareTheWholeEvenly() {
        List<Phase> phases = Phase.of(times(DETECTED, DETECTED, DETECTED, null, null));

        assertThat(phases).extracting(Phase::percent).containsExactly(50, 50);
        assertThat(phases).extracting(Phase::length).containsExactly("0s", "0s");
    }

    @Test
    void nothingReachedAfterDetectionMakesNoStretches() {
        assertThat(Phase.of(times(DETECTED, null, null, null, null))).isEmpty();
    }

    @Test
    void withoutADetectionTimeThereAreNoStretches() {
        assertThat(Phase.of(times(null, at(120), at(180), at(480), at(600)))).isEmpty();
    }
}
