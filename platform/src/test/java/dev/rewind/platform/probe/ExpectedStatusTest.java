package dev.rewind.platform.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpectedStatusTest {

    @Test
    void oneCodeAcceptsOnlyItself() {
        ExpectedStatus ok = ExpectedStatus.parse("200");

        assertThat(ok.accepts(200)).isTrue();
        assertThat(ok.accepts(204)).isFalse();
        assertThat(ok).hasToString("200");
    }

    @Test
    void aClassAcceptsItsHundredCodes() {
        ExpectedStatus success = ExpectedStatus.parse(" 2XX ");

        assertThat(success.accepts(200)).isTrue();
        assertThat(success.accepts(204)).isTrue();
        assertThat(success.accepts(299)).isTrue();
        assertThat(success.accepts(300)).isFalse();
        assertThat(success.accepts(0)).as("no answer").isFalse();
        assertThat(success).hasToString("2xx");
    }

    @Test
    void anythingElseIsRefusedSayingWhatIsAccepted() {
        for (String wrong : new String[] {"", "ok", "20x", "600", "2xx,3xx", "99"}) {
            assertThatThrownBy(() -> ExpectedStatus.parse(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + wrong
                            + "' is not an HTTP status: write one code (200) or a class of codes (2xx)");
        }
    }
}
