package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static final Map<String, String> POD = Map.of("app", "checkout", "track", "stable");

    @Test
    void matchLabelsMustAllBeCarried() {
        assertThat(LabelSelectors.matches(labels(Map.of("app", "checkout")), POD)).isTrue();
        assertThat(LabelSelectors.matches(labels(Map.of("app", "checkout", "track", "canary")), POD)).isFalse();
        assertThat(LabelSelectors.matches(labels(Map.of("tier", "web")), POD)).isFalse();
    }

    @Test
    void expressionsAreEvaluatedAsTheApiServerDoes() {
        assertThat(LabelSelectors.matches(expression("track", "In", "stable", "canary"), POD)).isTrue();
        assertThat(LabelSelectors.matches(expression("track", "In", "canary"), POD)).isFalse();
        assertThat(LabelSelectors.matches(expression("track", "NotIn", "canary"), POD)).isTrue();
        assertThat(LabelSelectors.matches(expression("track", "NotIn", "stable"), POD)).isFalse();
        assertThat(LabelSelectors.matches(expression("tier", "NotIn", "web"), POD))
                .as("NotIn selects pods without the label").isTrue();
        assertThat(LabelSelectors.matches(expression("track", "Exists"), POD)).isTrue();
        assertThat(LabelSelectors.matches(expression("tier", "Exists"), POD)).isFalse();
        assertThat(LabelSelectors.matches(expression("tier", "DoesNotExist"), POD)).isTrue();
        assertThat(LabelSelectors.matches(expression("track", "DoesNotExist"), POD)).isFalse();
    }

    @Test
    void labelsAndExpressionsMustBothHold() {
        LabelSelector selector = new LabelSelectorBuilder().withMatchLabels(Map.of("app", "checkout"))
                .addNewMatchExpression().withKey("track").withOperator("In").withValues("canary").endMatchExpression()
                .build();

        assertThat(LabelSelectors.matches(selector, POD)).isFalse();
        assertThat(LabelSelectors.matches(selector, Map.of("app", "checkout", "track", "canary"))).isTrue();
    }

    @Test
    void aMissingSelectorSelectsNothingAndAnEmptyOneEverything() {
        assertThat(LabelSelectors.matches(null, POD)).isFalse();
        assertThat(LabelSelectors.matches(new LabelSelector(), POD)).isTrue();
        assertThat(LabelSelectors.matches(labels(Map.of("app", "checkout")), null)).isFalse();
    }

    private static final LabelSelector EVERY_OPERATOR = new LabelSelectorBuilder().addToMatchLabels("app", "checkout")
            .addNewMatchExpression().withKey("tier").withOperator("In").withValues("web", "api").endMatchExpression()
            .addNewMatchExpression().withKey("track").withOperator("NotIn").withValues("canary").endMatchExpression()
            .addNewMatchExpression().withKey("owner").withOperator("Exists").endMatchExpression()
            .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression()
            .build();

    @Test
    void matchesLabelsAndEveryExpressionAsTheApiServerDoes() {
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "checkout", "tier", "web", "owner", "shop")))
                .isTrue();
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "checkout", "tier", "db", "owner", "shop")))
                .as("In").isFalse();
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "checkout", "tier", "web", "owner", "shop",
                "track", "canary"))).as("NotIn").isFalse();
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "checkout", "tier", "web"))).as("Exists").isFalse();
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "checkout", "tier", "web", "owner", "shop",
                "legacy", "yes"))).as("DoesNotExist").isFalse();
        assertThat(LabelSelectors.matches(EVERY_OPERATOR, Map.of("app", "payments", "tier", "web", "owner", "shop")))
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

    private static LabelSelector labels(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelectorBuilder().addNewMatchExpression().withKey(key).withOperator(operator)
                .withValues(values).endMatchExpression().build();
    }
}
