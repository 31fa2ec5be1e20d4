package dev.rewind.executor.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A host's words in its error answers, whichever host's shape they come in. */
class HostCallsTest {

    @Test
    void eachHostsErrorShapeGivesItsMessage() {
        assertThat(HostCalls.message("{\"message\": \"Bad credentials\"}")).isEqualTo("Bad credentials");
        assertThat(HostCalls.message("{\"message\": [\"Another open merge request already exists\"]}"))
                .isEqualTo("[\"Another open merge request already exists\"]");
        assertThat(HostCalls.message("{\"type\": \"error\", \"error\": {\"message\": \"Conflicts during merge\"}}"))
                .isEqualTo("Conflicts during merge");
    }

    @Test
    void anyOtherBodyIsItsOwnMessage() {
        assertThat(HostCalls.message("{\"errors\": []}")).isEqualTo("{\"errors\": []}");
        assertThat(HostCalls.message("<html>" + "x".repeat(300))).hasSize(203).endsWith("...");
    }
}
