package dev.rewind.executor.troubleshoot;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static final LabelSelector SELECTOR = new LabelSelectorBuilder().addToMatchLabels("app", "checkout")
            .addNewMatchExpression().withKey("tier").withOperator("In").withValues("web", "api").endMatchExpression()
            .addNewMatchExpression().withKey("track").withOperator("NotIn").withValues("canary").endMatchExpression()
            .addNewMatchExpression().withKey("owner").withOperator("Exists").endMatchExpression()
            .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression()
            .build();

    @Test
    void matchesLabelsAndEveryExpressionAsTheApiServerDoes() {
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "checkout", "tier", "web", "owner", "shop")))
                .isTrue();
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "checkout", "tier", "db", "owner", "shop")))
                .as("In").isFalse();
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "checkout", "tier", "web", "owner", "shop",
                "track", "canary"))).as("NotIn").isFalse();
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "checkout", "tier", "web"))).as("Exists").isFalse();
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "checkout", "tier", "web", "owner", "shop",
                "legacy", "yes"))).as("DoesNotExist").isFalse();
        assertThat(LabelSelectors.matches(SELECTOR, Map.of("app", "payments", "tier", "web", "owner", "shop")))
                .as("matchLabels").isFalse();
        assertThat(LabelSelectors.matches(null, Map.of("app", "checkout"))).as("no selector").isFalse();
    }

    @Test
    void aServiceWithoutSelectorSelectsNothing() {
        assertThat(LabelSelectors.selects(Map.of("app", "checkout"), Map.of("app", "checkout", "hash", "5d9")))
                .isTrue();
        assertThat(LabelSelectors.selects(Map.of(), Map.of("app", "checkout"))).isFalse();
        assertThat(LabelSelectors.selects(null, Map.of("app", "checkout"))).isFalse();
    }
}
