package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The kubelet's crash-loop back-off, as the sandbox's pods report it. */
class PodStatusesTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aCrashLoopingContainerIsRestartedAfterABackOffThatDoubles() {
        assertThat(PodStatuses.restarts(START, START.plusSeconds(9))).isZero();
        assertThat(PodStatuses.restarts(START, START.plusSeconds(10))).isEqualTo(1);
        assertThat(PodStatuses.restarts(START, START.plusSeconds(29))).isEqualTo(1);
        assertThat(PodStatuses.restarts(START, START.plusSeconds(30))).isEqualTo(2);
        assertThat(PodStatuses.restarts(START, START.plusSeconds(70))).isEqualTo(3);
    }

    @Test
    void theBackOffStopsAtFiveMinutesAndReadsAsGoPrintsIt() {
        assertThat(PodStatuses.backOff(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PodStatuses.backOff(3)).isEqualTo(Duration.ofSeconds(80));
        assertThat(PodStatuses.backOff(40)).isEqualTo(Duration.ofMinutes(5));
        assertThat(PodStatuses.goDuration(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(PodStatuses.goDuration(Duration.ofSeconds(80))).isEqualTo("1m20s");
        assertThat(PodStatuses.goDuration(Duration.ofMinutes(5))).isEqualTo("5m0s");
    }
}
