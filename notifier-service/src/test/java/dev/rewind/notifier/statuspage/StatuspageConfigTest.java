package dev.rewind.notifier.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented ways to configure Statuspage, read as the service reads them. */
class StatuspageConfigTest {

    @Test
    void theDefaultsShowProductionP0AndP1OnStatuspageItself() {
        StatuspageConfig config = read(Map.of());

        assertThat(config.apiKey()).isEmpty();
        assertThat(config.url()).hasToString("https://api.statuspage.io");
        assertThat(config.environments()).containsExactly("production");
        assertThat(config.severities()).containsExactlyInAnyOrder(Severity.P0, Severity.P1);
        assertThat(config.components()).isEmpty();
        assertThat(config.deliverNotifications()).isTrue();
    }

    @Test
    void aComponentIsNamedByTheTargetsNamespaceAndServiceInQuotes() {
        StatuspageRules rules = StatuspageRules.of(read(Map.of(
                "rewind.notifier.statuspage.components.\"payments/checkout\"", "8kbf7d35c070",
                "rewind.notifier.statuspage.deliver-notifications", "false")));

        assertThat(rules.componentOf(TargetKey.parse("production/payments/checkout"))).hasValue("8kbf7d35c070");
        assertThat(rules.componentOf(TargetKey.parse("production/payments/ledger"))).isEmpty();
        assertThat(rules.deliverNotifications()).isFalse();
    }

    private static StatuspageConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // "5s" as Quarkus reads durations
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(StatuspageConfig.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
        return config.getConfigMapping(StatuspageConfig.class);
    }
}
