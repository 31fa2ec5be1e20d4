package dev.rewind.postmortem.domain.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Signal;
import dev.rewind.events.request.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PhrasesTest {

    @Test
    void durationsAreRoundedToTheNearestSecond() {
        assertThat(Phrases.duration(Duration.ofMillis(388_600))).isEqualTo("6m29s");
        assertThat(Phrases.duration(Duration.ofMillis(151_400))).isEqualTo("2m31s");
        assertThat(Phrases.duration(Duration.ofMinutes(11))).isEqualTo("11m");
        assertThat(Phrases.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Phrases.duration(Duration.ofSeconds(3905))).isEqualTo("1h05m5s");
        assertThat(Phrases.duration(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void deadlinesReadAsAdjectives() {
        assertThat(Phrases.limit(Duration.ofMinutes(15))).isEqualTo("15-minute");
        assertThat(Phrases.limit(Duration.ofHours(4))).isEqualTo("4-hour");
        assertThat(Phrases.limit(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }

    @Test
    void errorRatesArePercentagesWithoutFloatingPointNoise() {
        Evidence alert = new Evidence(UUID.randomUUID(), "alertmanager", Signal.ERROR_RATE, "5xx above 5%", 0.12,
                0.05, Instant.EPOCH);
        assertThat(Phrases.evidence(alert))
                .isEqualTo("12% error rate against a threshold of 5% (alertmanager: 5xx above 5%)");
        Evidence latency = new Evidence(UUID.randomUUID(), "datadog", Signal.LATENCY, null, 2.5, null, Instant.EPOCH);
        assertThat(Phrases.evidence(latency)).isEqualTo("2.5 latency");
    }

    @Test
    void timesAreUtcClockTimesWithTheDayWhenItIsAnotherDay() {
        LocalDate day = LocalDate.parse("2026-11-15");
        assertThat(Phrases.clock(Instant.parse("2026-11-15T23:59:59Z"), day)).isEqualTo("23:59");
        assertThat(Phrases.clock(Instant.parse("2026-11-16T00:05:00Z"), day)).isEqualTo("2026-11-16 00:05");
    }
}
