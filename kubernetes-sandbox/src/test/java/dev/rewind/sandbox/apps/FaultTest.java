package dev.rewind.sandbox.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultTest {

    @Test
    void readsEachPartInAnyOrderAndPercentages() {
        assertThat(Fault.parse("health=failing, error-rate=12%, latency-ms=900"))
                .isEqualTo(new Fault(0.12, 900, true));
        assertThat(Fault.parse("error-rate=0.12")).isEqualTo(new Fault(0.12, 0, false));
        assertThat(Fault.parse(" ")).isEqualTo(Fault.NONE);
        assertThat(Fault.parse(null)).isEqualTo(Fault.NONE);
    }

    @Test
    void readsBackWhatItWrites() {
        Fault fault = new Fault(0.3, 250, true);
        assertThat(Fault.parse(fault.toString())).isEqualTo(fault);
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> Fault.parse("error-rate=1.5")).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Fault.parse("errors=0.1")).hasMessageContaining("unknown fault 'errors'");
        assertThatThrownBy(() -> Fault.parse("latency-ms=slow")).hasMessageContaining("latency-ms must be a number");
        assertThatThrownBy(() -> Fault.parse("health=meh")).hasMessageContaining("failing or ok");
        assertThatThrownBy(() -> Fault.parse("error-rate")).hasMessageContaining("expected name=value");
    }
}
