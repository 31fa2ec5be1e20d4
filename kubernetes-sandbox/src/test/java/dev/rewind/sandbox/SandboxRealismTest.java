package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standalone sandbox's realism, from its environment variables. */
class SandboxRealismTest {

    @Test
    void withoutVariablesTheSandboxIsFaithful() {
        assertThat(SandboxRealism.fromEnvironment(Map.of())).isEqualTo(SandboxRealism.FAITHFUL);
    }

    @Test
    void realismOffIsTheTestsInstantController() {
        assertThat(SandboxRealism.fromEnvironment(Map.of("SANDBOX_REALISM", "off"))).isEqualTo(SandboxRealism.INSTANT);
    }

    @Test
    void eachSettingCanBeTuned() {
        SandboxRealism realism = SandboxRealism.fromEnvironment(Map.of("SANDBOX_ROLLOUT_STEP_MS", "500",
                "SANDBOX_PROGRESS_DEADLINE_SCALE", "1", "SANDBOX_PODS", "off", "SANDBOX_JOBS", "off",
                "SANDBOX_JOB_MS", "3000"));

        assertThat(realism).isEqualTo(new SandboxRealism(true, Duration.ofMillis(500), 1.0, false, false,
                Duration.ofSeconds(3)));
    }

    @Test
    void aDeadlineIsScaled() {
        assertThat(SandboxRealism.FAITHFUL.progressDeadline(600)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> SandboxRealism.fromEnvironment(Map.of("SANDBOX_PROGRESS_DEADLINE_SCALE", "fast")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SANDBOX_PROGRESS_DEADLINE_SCALE: expected a number, was 'fast'");
        assertThatThrownBy(() -> SandboxRealism.fromEnvironment(Map.of("SANDBOX_PROGRESS_DEADLINE_SCALE", "0")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
