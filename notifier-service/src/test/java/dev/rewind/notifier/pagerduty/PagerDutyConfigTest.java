package dev.rewind.notifier.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.Severity;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented ways to configure PagerDuty, read as the service reads them. */
class PagerDutyConfigTest {

    @Test
    void withoutARoutingKeyPagerDutyIsOffAndTheDefaultsHold() {
        PagerDutyConfig config = read(Map.of("rewind.notifier.pagerduty.routing-key", ""), Map.of());

        assertThat(config.routingKey()).isEmpty();
        assertThat(config.url()).hasToString("https://events.pagerduty.com");
        assertThat(config.severities()).containsExactlyInAnyOrder(Severity.P0, Severity.P1);
        assertThat(config.approvalRoles()).containsExactly("oncall");
        assertThat(config.environments()).isEmpty();
        assertThat(config.escalationRoutingKeys()).isEmpty();
        PagerDutyRules rules = PagerDutyRules.of(config);
        assertThat(rules.clientName()).isEqualTo("Rewind");
        assertThat(rules.clientUrl()).isEmpty();
    }

    @Test
    void escalationRoutingKeysComeFromTheEnvironmentOneVariablePerLevel() {
        PagerDutyConfig config = read(Map.of("rewind.notifier.pagerduty.routing-key", "main"),
                Map.of("REWIND_NOTIFIER_PAGERDUTY_ESCALATION_ROUTING_KEYS_2", "devops-key",
                        "REWIND_NOTIFIER_PAGERDUTY_ESCALATION_ROUTING_KEYS_3", "leadership-key"));

        assertThat(config.escalationRoutingKeys()).containsExactlyInAnyOrderEntriesOf(
                Map.of(2, "devops-key", 3, "leadership-key"));
        assertThat(PagerDutyRules.of(config).escalationLevels()).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void routingIsConfiguration() {
        PagerDutyConfig config = read(Map.of(
                "rewind.notifier.pagerduty.severities", "P0",
                "rewind.notifier.pagerduty.approval-roles", "none",
                "rewind.notifier.pagerduty.environments", "production,staging",
                "rewind.notifier.pagerduty.client-url", "https://rewind.example"), Map.of());

        PagerDutyRules rules = PagerDutyRules.of(config);
        assertThat(rules.severities()).containsExactly(Severity.P0);
        assertThat(rules.approvalRoles()).isEmpty();
        assertThat(rules.environments()).isEqualTo(Set.of("production", "staging"));
        assertThat(rules.clientUrl()).isEqualTo(Optional.of("https://rewind.example"));
    }

    private static PagerDutyConfig read(Map<String, String> properties, Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                // "5s" as Quarkus reads durations
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(PagerDutyConfig.class)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
        return config.getConfigMapping(PagerDutyConfig.class);
    }
}
