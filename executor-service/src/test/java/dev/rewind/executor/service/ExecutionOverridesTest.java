package dev.rewind.executor.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.incident.DeclineReason;
import dev.rewind.executor.persistence.ExecutionRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionOverridesTest {

    @Test
    void theOverriddenGuardsOfACommandAreKeptWithItsExecution() {
        ExecutionRecord execution = new ExecutionRecord();
        execution.overrides = ExecutionLedger.overridesColumn(
                List.of(DeclineReason.COOLDOWN, DeclineReason.BLOCKED_VERSION, DeclineReason.COOLDOWN));

        assertThat(execution.overrides).isEqualTo("COOLDOWN,BLOCKED_VERSION");
        assertThat(ExecutionLedger.overridesOf(execution))
                .containsExactlyInAnyOrder(DeclineReason.COOLDOWN, DeclineReason.BLOCKED_VERSION);
    }

    @Test
    void aCommandWithoutOverridesOverridesNothing() {
        ExecutionRecord execution = new ExecutionRecord();
        execution.overrides = ExecutionLedger.overridesColumn(List.of());

        assertThat(execution.overrides).isNull();
        assertThat(ExecutionLedger.overridesOf(execution)).isEmpty();
    }
}
