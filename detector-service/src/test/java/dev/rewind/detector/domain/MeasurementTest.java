package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementTest {

    @ParameterizedTest(name = "{0} against {1} reads as {2}")
    @CsvSource(nullValues = "none", value = {
            "0.12, none, 0.12",
            "12%, none, 0.12",
            "12.5 %, none, 0.125",
            "2.5, none, 2.5",
            "2.5x, none, 2.5",
            "850ms, 300ms, 2.8333333333",
            "0.6s, 300ms, 2.0",
            "1.2, 0.4, 3.0",
            "2m, 40s, 3.0",
            "900us, 300us, 3.0"})
    void readsRatiosMultiplesAndDurationsAgainstTheirBaseline(String value, String baseline, double expected) {
        assertThat(Measurement.of(value, baseline))
                .hasValueSatisfying(read -> assertThat(read).isCloseTo(expected, within(1e-6)));
    }

    @ParameterizedTest(name = "{0} against {1} reads as no value")
    @CsvSource(nullValues = "none", value = {
            "none, none",
            "'', none",
            "high, none",
            "-0.2, none",
            "NaN, none",
            "850ms, 0ms",
            "850ms, soon"})
    void readsNothingItCannotCompare(String value, String baseline) {
        assertThat(Measurement.of(value, baseline)).isEmpty();
    }
}
