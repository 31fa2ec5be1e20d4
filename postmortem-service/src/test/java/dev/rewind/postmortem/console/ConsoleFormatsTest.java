package dev.rewind.postmortem.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the console's templates write numbers, shares, durations, instants and statuses. */
class ConsoleFormatsTest {

    @Test
    void aMeasuredValueIsWrittenWithoutNeedlessDecimals() {
        assertThat(ConsoleFormats.num(12.4)).isEqualTo("12.4");
        assertThat(ConsoleFormats.num(5.0)).isEqualTo("5");
        assertThat(ConsoleFormats.num(0.031)).isEqualTo("0.031");
        assertThat(ConsoleFormats.num(0.0)).isEqualTo("0");
        assertThat(ConsoleFormats.num(-3.0)).isEqualTo("-3");
        assertThat(ConsoleFormats.num(1500.0)).isEqualTo("1500");
    }

    @Test
    void aMeasuredValueIsWrittenToFourSignificantDigits() {
        assertThat(ConsoleFormats.num(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(ConsoleFormats.num(2.0 / 3)).isEqualTo("0.6667");
        assertThat(ConsoleFormats.num(99.95)).isEqualTo("99.95");
    }

    @Test
    void aLargeMeasuredValueKeepsTheZerosOfItsIntegerPart() {
        assertThat(ConsoleFormats.num(1200.4)).isEqualTo("1200");
        assertThat(ConsoleFormats.num(1000.25)).isEqualTo("1000");
        assertThat(ConsoleFormats.num(100.04)).isEqualTo("100");
    }

    @Test
    void noMeasuredValueIsADash() {
        assertThat(ConsoleFormats.num(null)).isEqualTo("—");
    }

    @Test
    void aShareIsAPercentageToOneDecimal() {
        assertThat(ConsoleFormats.percent(0.875)).isEqualTo("87.5%");
        assertThat(ConsoleFormats.percent(1.0)).isEqualTo("100%");
        assertThat(ConsoleFormats.percent(0.0)).isEqualTo("0%");
        assertThat(ConsoleFormats.percent(0.12345)).isEqualTo("12.3%");
        assertThat(ConsoleFormats.percent(2.0 / 3)).isEqualTo("66.7%");
    }

    @Test
    void noShareIsADash() {
        assertThat(ConsoleFormats.percent(null)).isEqualTo("—");
    }

    @Test
    void anIsoDurationIsWrittenAsASpan() {
        assertThat(ConsoleFormats.span("PT4M29S")).isEqualTo("4m 29s");
        assertThat(ConsoleFormats.span("PT2H5M30S")).isEqualTo("2h 05m");
        assertThat(ConsoleFormats.span("PT0.8S")).isEqualTo("0s");
        assertThat(ConsoleFormats.span("P1DT3H")).isEqualTo("1d 03h");
        assertThat(ConsoleFormats.span(null)).isEqualTo("—");
    }

    @Test
    void anInstantIsWrittenInUtcInFullOrAsATimeOfDay() {
        Instant at = Instant.parse("2026-11-29T08:41:07.5Z");

        assertThat(ConsoleFormats.utc(at)).isEqualTo("2026-11-29 08:41:07Z");
        assertThat(ConsoleFormats.clock(at)).isEqualTo("08:41:07");
        assertThat(ConsoleFormats.utc(null)).isEqualTo("—");
        assertThat(ConsoleFormats.clock(null)).isEqualTo("—");
    }

    @Test
    void aStatusIsWrittenInWordsWithItsColour() {
        assertThat(ConsoleFormats.words("ROLLED_BACK_UNVERIFIED")).isEqualTo("rolled back unverified");
        assertThat(ConsoleFormats.tone("ROLLED_BACK")).isEqualTo("good");
        assertThat(ConsoleFormats.tone("ROLLBACK_FAILED")).isEqualTo("bad");
        assertThat(ConsoleFormats.tone("AWAITING_APPROVAL")).isEqualTo("active");
        assertThat(ConsoleFormats.tone("DECLINED")).isEqualTo("quiet");
    }
}
