package dev.rewind.sandbox.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorSettingsTest {

    @Test
    void readsTheEnvironmentWithTheRunbooksDefaults() {
        MonitorSettings settings = MonitorSettings.fromEnvironment(Map.of(
                "SANDBOX_ENVIRONMENTS", "shop=development, shop-staging=staging", "SANDBOX_MONITOR_FOR", "500ms",
                "SANDBOX_MONITOR_WINDOW", "PT10S"));
        assertThat(settings.environments()).isEqualTo(Map.of("shop", "development", "shop-staging", "staging"));
        assertThat(settings.holdFor()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.errorRateThreshold()).isEqualTo(0.05);
        assertThat(settings.latencyMultiple()).isEqualTo(2.0);
        assertThat(settings.webhook()).isNull();
    }

    @Test
    void offWatchesNothing() {
        assertThat(MonitorSettings.fromEnvironment(Map.of("SANDBOX_MONITOR", "off",
                "SANDBOX_ENVIRONMENTS", "shop=development")).environments()).isEmpty();
    }

    @Test
    void namesTheVariableItCannotRead() {
        assertThatThrownBy(() -> MonitorSettings.fromEnvironment(Map.of("SANDBOX_MONITOR_WINDOW", "5")))
                .hasMessageStartingWith("SANDBOX_MONITOR_WINDOW: expected a duration");
        assertThatThrownBy(() -> MonitorSettings.fromEnvironment(Map.of("SANDBOX_ERROR_RATE_THRESHOLD", "five")))
                .hasMessage("SANDBOX_ERROR_RATE_THRESHOLD: expected a number, was 'five'");
        assertThatThrownBy(() -> MonitorSettings.fromEnvironment(Map.of("SANDBOX_ENVIRONMENTS", "shop")))
                .hasMessageContaining("expected namespace=environment, was 'shop'");
    }
}
