package dev.rewind.detector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.incident.DeclineReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CooldownTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final Cooldown cooldown = new Cooldown(Duration.ofMinutes(30));
    private final Decision.RollBack rollBack =
            new Decision.RollBack(Severity.P1, ExecutionMode.AUTOMATED, "High error rate (12% 5xx errors)", 0.05);

    @Test
    void declinesASecondAutomaticRollbackWithinTheCooldown() {
        Optional<Decision.Decline> decline =
                cooldown.check(rollBack, Optional.of(new PastRollback(12, NOW.minusSeconds(180))), NOW);

        assertThat(decline).hasValueSatisfying(d -> {
            assertThat(d.code()).isEqualTo(DeclineReason.COOLDOWN);
            assertThat(d.severity()).isEqualTo(Severity.P1);
            assertThat(d.reason()).isEqualTo("INCIDENT-12 rolled this target back 3 min ago; not rolling back again "
                    + "automatically within the 30 min cooldown (High error rate (12% 5xx errors)): held until a "
                    + "person allowed to overrides it, or decide by hand");
        });
    }

    @Test
    void rollsBackWhenTheLastRollbackIsOlderThanTheCooldownOrThereIsNone() {
        assertThat(cooldown.check(rollBack, Optional.of(new PastRollback(12, NOW.minus(Duration.ofMinutes(30)))), NOW))
                .isEmpty();
        assertThat(cooldown.check(rollBack, Optional.empty(), NOW)).isEmpty();
    }

    @Test
    void aZeroCooldownNeverDeclines() {
        assertThat(new Cooldown(Duration.ZERO).check(rollBack, Optional.of(new PastRollback(1, NOW)), NOW)).isEmpty();
    }
}
