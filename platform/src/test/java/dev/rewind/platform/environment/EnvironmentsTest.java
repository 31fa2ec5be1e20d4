package dev.rewind.platform.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.TargetKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

    private final Environments environments = new Environments(Map.of(
            "development", new Environment("development", Optional.empty(), Set.of("shop"), Map.of()),
            "production", new Environment("production", Optional.of("prod-eu"), Set.of("payments", "shop-prod"),
                    Map.of("environment", "production"))));

    @Test
    void acceptsATargetInANamespaceItsEnvironmentOwns() {
        assertThat(environments.refusal(TargetKey.parse("production/payments/checkout"))).isEmpty();
        assertThat(environments.of(TargetKey.parse("production/payments/checkout")).context()).contains("prod-eu");
    }

    @Test
    void refusesAnAlertLabelledDevelopmentAboutAProductionNamespace() {
        assertThat(environments.refusal(TargetKey.parse("development/payments/checkout"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("namespace 'payments' does not belong to environment "
                        + "'development' (its namespaces: shop)"));
    }

    @Test
    void refusesAnEnvironmentThatIsNotConfigured() {
        assertThat(environments.refusal(TargetKey.parse("staging/shop/checkout"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("environment 'staging' is not configured")
                        .contains("configured: development, production"));
        assertThatThrownBy(() -> environments.of(TargetKey.parse("staging/shop/checkout")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEverythingWhenNothingIsConfigured() {
        assertThat(new Environments(Map.of()).refusal(TargetKey.parse("development/shop/checkout")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("configured: none"));
    }

    @Test
    void deploymentLabelsMustAllMatch() {
        Environment production = environments.named("production").orElseThrow();
        assertThat(production.carriesLabels(Map.of("environment", "production", "team", "pay"))).isTrue();
        assertThat(production.carriesLabels(Map.of("environment", "staging"))).isFalse();
        assertThat(production.carriesLabels(null)).isFalse();
        assertThat(environments.named("development").orElseThrow().carriesLabels(null)).isTrue();
    }

    @Test
    void aDeploymentWithoutTheEnvironmentsLabelsIsRefusedWithWhatToFix() {
        Environment production = environments.named("production").orElseThrow();

        assertThat(production.labelRefusal("payments/checkout", Map.of("environment", "staging")))
                .hasValue("deployment payments/checkout does not carry the labels of environment 'production' "
                        + "{environment=production} (its labels: {environment=staging}); Rewind does not act on it: "
                        + "fix the Deployment's labels or rewind.environments.production.deployment-labels");
        assertThat(production.labelRefusal("payments/checkout", Map.of("environment", "production"))).isEmpty();
    }

    @Test
    void anEnvironmentMustOwnANamespace() {
        assertThatThrownBy(() -> new Environment("staging", Optional.empty(), Set.of(), Map.of()))
                .hasMessageContaining("rewind.environments.staging.namespaces");
    }
}
