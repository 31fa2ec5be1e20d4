package dev.rewind.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollbackCooldownTest {

    private static final Instant NOW = Instant.parse("2026-11-15T14:30:00Z");
    private static final Duration COOLDOWN = Duration.ofMinutes(15);

    @Test
    void refusesWithinTheCooldownSayingWhenAndForWhichIncident() {
        assertThat(RollbackCooldown.refusal("shop/checkout", NOW.minus(Duration.ofMinutes(3)), 122L, NOW, COOLDOWN))
                .contains("deployment shop/checkout was rolled back 3 min ago for incident 122; not rolling back "
                        + "again automatically within the cooldown of 15 min (rewind.executor.cooldown): look at the "
                        + "Deployment and roll back by hand if it must go further back");
    }

    @Test
    void secondsUnderAMinute() {
        assertThat(RollbackCooldown.refusal("shop/checkout", NOW.minusSeconds(40), null, NOW, COOLDOWN))
                .hasValueSatisfying(reason -> assertThat(reason).contains("rolled back 40 s ago; not rolling back"));
    }

    @Test
    void allowsOnceTheCooldownIsOver() {
        assertThat(RollbackCooldown.refusal("shop/checkout", NOW.minus(COOLDOWN), 122L, NOW, COOLDOWN)).isEmpty();
    }
}
