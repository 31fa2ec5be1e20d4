package dev.rewind.executor.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void comparesAsWritten() {
        assertThat(Threshold.parse("< 0.05").accepts(0.01)).isTrue();
        assertThat(Threshold.parse("< 0.05").accepts(0.05)).isFalse();
        assertThat(Threshold.parse("<=0.05").accepts(0.05)).isTrue();
        assertThat(Threshold.parse(">= 0.99").accepts(0.995)).isTrue();
        assertThat(Threshold.parse(">0.99").accepts(0.99)).isFalse();
        assertThat(Threshold.parse("== 0").accepts(0)).isTrue();
        assertThat(Threshold.parse("!= 0").accepts(0)).isFalse();
        assertThat(Threshold.parse(" < 1.5e3 ").accepts(1499)).isTrue();
        assertThat(Threshold.parse("> -1").accepts(0)).isTrue();
    }

    @Test
    void nanKeepsNoThreshold() {
        assertThat(Threshold.parse("< 0.05").accepts(Double.NaN)).isFalse();
        assertThat(Threshold.parse("!= 0").accepts(Double.NaN)).isFalse();
    }

    @Test
    void printsAsConfigured() {
        assertThat(Threshold.parse("<0.050")).hasToString("< 0.05");
        assertThat(Threshold.parse(">= 2")).hasToString(">= 2");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> Threshold.parse("below 0.05")).hasMessage("threshold 'below 0.05' is not "
                + "'<operator> <number>' with an operator among < <= > >= == != (e.g. '< 0.05')");
        assertThatThrownBy(() -> Threshold.parse("< ")).isInstanceOf(IllegalArgumentException.class);
    }
}
