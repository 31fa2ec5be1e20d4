package dev.rewind.postmortem.domain.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollbackStatisticsTest {

    @Test
    void successRateIsVerifiedRollbacksOutOfFinishedOnes() {
        RollbackStatistics statistics = RollbackStatistics.of(
                new RollbackStatistics.Counts(20, 13, 9, 1, 2, 389_000.0, 712_400.4, 8, 3));

        assertThat(statistics.successRate()).as("9 of 12 finished; the one still rolling back does not count")
                .isEqualTo(0.75);
        assertThat(statistics.rollbacks()).isEqualTo(13);
        assertThat(statistics.medianTimeToRollBack()).isEqualTo(Duration.ofSeconds(389));
        assertThat(statistics.p90TimeToRollBack()).isEqualTo(Duration.ofMillis(712_400));
        assertThat(statistics.deadlineMetRate()).isEqualTo(0.727);
    }

    @Test
    void noFinishedRollbackHasNoRateRatherThanZero() {
        RollbackStatistics statistics = RollbackStatistics.of(
                new RollbackStatistics.Counts(3, 1, 0, 0, 0, null, null, 0, 0));

        assertThat(statistics.successRate()).isNull();
        assertThat(statistics.deadlineMetRate()).isNull();
        assertThat(statistics.medianTimeToRollBack()).isNull();
        assertThat(statistics.p90TimeToRollBack()).isNull();
    }

    @Test
    void ratesRoundHalfUpToThreePlaces() {
        assertThat(RollbackStatistics.rate(2, 3)).isEqualTo(0.667);
        assertThat(RollbackStatistics.rate(1, 8)).isEqualTo(0.125);
        assertThat(RollbackStatistics.rate(1, 2000)).isEqualTo(0.001);
        assertThat(RollbackStatistics.rate(5, 5)).isEqualTo(1.0);
    }
}
