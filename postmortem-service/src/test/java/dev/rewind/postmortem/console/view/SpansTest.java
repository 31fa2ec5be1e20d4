package dev.rewind.postmortem.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How {@link Spans} writes durations and instants for people reading the console. */
class SpansTest {

    @Test
    void aDurationUnderAMinuteIsWrittenInSecondsOnly() {
        assertThat(Spans.of(Duration.ZERO)).isEqualTo("0s");
        assertThat(Spans.of(Duration.ofSeconds(59))).isEqualTo("59s");
    }

    @Test
    void aDurationUnderAnHourIsWrittenInMinutesAndPaddedSeconds() {
        assertThat(Spans.of(Duration.ofSeconds(60))).isEqualTo("1m 00s");
        assertThat(Spans.of(Duration.ofMinutes(4).plusSeconds(29))).isEqualTo("4m 29s");
        assertThat(Spans.of(Duration.ofSeconds(3599))).isEqualTo("59m 59s");
    }

    @Test
    void aDurationUnderADayIsWrittenInHoursAndPaddedMinutesDroppingTheSeconds() {
        assertThat(Spans.of(Duration.ofHours(1))).isEqualTo("1h 00m");
        assertThat(Spans.of(Duration.ofHours(2).plusMinutes(5).plusSeconds(59))).isEqualTo("2h 05m");
        assertThat(Spans.of(Duration.ofSeconds(86_399))).isEqualTo("23h 59m");
    }

    @Test
    void aDurationOfADayOrMoreIsWrittenInDaysAndPaddedHours() {
        assertThat(Spans.of(Duration.ofDays(1))).isEqualTo("1d 00h");
        assertThat(Spans.of(Duration.ofDays(3).plusHours(7).plusMinutes(59))).isEqualTo("3d 07h");
        assertThat(Spans.of(Duration.ofDays(400))).isEqualTo("400d 00h");
    }

    @Test
    void aFractionOfASecondIsDropped() {
        assertThat(Spans.of(Duration.ofMillis(999))).isEqualTo("0s");
        assertThat(Spans.of(Duration.ofMillis(60_999))).isEqualTo("1m 00s");
    }

    @Test
    void aNegativeDurationReadsAsItsLength() {
        assertThat(Spans.of(Duration.ofSeconds(-59))).isEqualTo("59s");
        assertThat(Spans.of(Duration.ofMinutes(-4).minusSeconds(29))).isEqualTo("4m 29s");
        assertThat(Spans.of(Duration.ofHours(-26))).isEqualTo("1d 02h");
    }

    @Test
    void aNegativeDurationWithAFractionOfASecondReadsTheSameAsThePositiveOne() {
        assertThat(Spans.of(Duration.ofMillis(-1_500))).isEqualTo(Spans.of(Duration.ofMillis(1_500))).isEqualTo("1s");
        assertThat(Spans.of(Duration.ofMillis(-500))).isEqualTo("0s");
        assertThat(Spans.of(Duration.ofMillis(-150_400))).isEqualTo("2m 30s");
    }

    @Test
    void noDurationIsADash() {
        assertThat(Spans.of(null)).isEqualTo("—");
    }

    @Test
    void anInstantIsWrittenInUtcToTheSecond() {
        assertThat(Spans.at(Instant.parse("2026-11-29T08:41:07.999Z"))).isEqualTo("2026-11-29 08:41:07Z");
        assertThat(Spans.at(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-12-31 23:59:59Z");
    }

    @Test
    void anInstantsClockIsItsTimeOfDayInUtc() {
        assertThat(Spans.clock(Instant.parse("2026-11-29T08:41:07.999Z"))).isEqualTo("08:41:07");
        assertThat(Spans.clock(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("23:59:59");
    }

    @Test
    void noInstantIsADash() {
        assertThat(Spans.at(null)).isEqualTo("—");
        assertThat(Spans.clock(null)).isEqualTo("—");
    }
}
