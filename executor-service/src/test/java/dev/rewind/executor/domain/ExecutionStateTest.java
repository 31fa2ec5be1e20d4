package dev.rewind.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecutionStateTest {

    @Test
    void anExecutionRunsThenSucceedsOrFails() {
        assertThat(ExecutionState.ACCEPTED.moveTo(ExecutionState.RUNNING)).isEqualTo(ExecutionState.RUNNING);
        assertThat(ExecutionState.RUNNING.next()).containsExactlyInAnyOrder(ExecutionState.SUCCEEDED,
                ExecutionState.UNVERIFIED, ExecutionState.FAILED);
        assertThat(ExecutionState.ACCEPTED.moveTo(ExecutionState.FAILED)).isEqualTo(ExecutionState.FAILED);
    }

    @Test
    void aCompletedExecutionNeverRunsAgain() {
        assertThat(ExecutionState.SUCCEEDED.completed()).isTrue();
        assertThat(ExecutionState.FAILED.completed()).isTrue();
        assertThatThrownBy(() -> ExecutionState.SUCCEEDED.moveTo(ExecutionState.RUNNING))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ExecutionState.ACCEPTED.moveTo(ExecutionState.SUCCEEDED))
                .isInstanceOf(IllegalStateException.class);
    }
}
