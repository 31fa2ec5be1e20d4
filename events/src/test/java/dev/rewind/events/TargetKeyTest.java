package dev.rewind.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetKeyTest {

    @Test
    void parsesAndPrintsEnvironmentNamespaceService() {
        TargetKey key = TargetKey.parse("production/payments/checkout");

        assertThat(key).isEqualTo(new TargetKey("production", "payments", "checkout"));
        assertThat(key.toString()).isEqualTo("production/payments/checkout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "production/checkout", "a/b/c/d", "production//checkout", "Prod/payments/checkout",
            "production/payments/checkout-", "production/pay ments/checkout"})
    void rejectsKeysThatAreNotThreeDnsLabels(String key) {
        assertThatThrownBy(() -> TargetKey.parse(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsLabelsLongerThan63Characters() {
        String tooLong = "a".repeat(64);

        assertThatThrownBy(() -> new TargetKey("production", tooLong, "checkout"))
                .hasMessageContaining("target namespace");
    }
}
