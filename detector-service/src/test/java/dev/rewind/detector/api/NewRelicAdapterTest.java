package dev.rewind.detector.api;

import static dev.rewind.detector.api.SourceProblems.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.platform.http.FieldViolation;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a New Relic workflow webhook (default template) becomes normalized alerts, one per mapped entity. */
class NewRelicAdapterTest {

    private static final TargetKey CHECKOUT = new TargetKey("production", "payments", "checkout");
    private static final TargetKey CART = new TargetKey("production", "payments", "cart");
    private static final TargetKey CUSTOM = new TargetKey("staging", "storefront", "web");
    private static final String ISSUE = "5c1c2d0e-8f6b-4e3a-9d21-7a4b3c2d1e0f";
    private static final Instant NOW = Instant.parse("2026-11-15T14:30:00Z");
    private static final WebhookLimitsTest.Limits LIMITS = new WebhookLimitsTest.Limits(500, 64, 1024, 32, 16384,
            256, new MemorySize(BigInteger.valueOf(512 * 1024)));

    private final NewRelicAdapter adapter = new NewRelicAdapter(
            Map.of("checkout (production)", "production/payments/checkout", "cart (production)",
                    " production/payments/cart "),
            Map.of("HighErrorRate", Signal.ERROR_RATE, "SlowCheckout", Signal.LATENCY), new WebhookLimits(LIMITS),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"ACTIVATED", "CREATED"})
    void anActivatedOrCreatedIssueFiresForItsMappedEntity(String state) {
        NormalizedAlerts normalized = adapter.normalize(edited("newrelic-activated.json", p -> p.put("state", state)));

        AlertFired fired = (AlertFired) normalized.alerts().get(0);
        assertThat(normalized.alerts()).hasSize(1);
        assertThat(fired.source()).isEqualTo("newrelic");
        assertThat(fired.target()).isEqualTo(CHECKOUT);
        assertThat(fired.fingerprint()).isEqualTo(ISSUE);
        assertThat(fired.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(fired.summary()).isEqualTo("High error rate on checkout (production)");
        assertThat(fired.startsAt()).isEqualTo(Instant.ofEpochMilli(1763216700000L));
        assertThat(fired.labels()).containsEntry("entity", "checkout (production)")
                .containsEntry("priority", "CRITICAL").containsEntry("alertPolicyNames", "Checkout golden signals");
        assertThat(fired.annotations()).containsKey("issueUrl");
    }

    @Test
    void aClosedIssueResolvesTheSameAlert() {
        AlertResolved resolved = (AlertResolved) adapter.normalize(payload("newrelic-closed.json")).alerts().get(0);

        assertThat(resolved.fingerprint()).isEqualTo(ISSUE);
        assertThat(resolved.target()).isEqualTo(CHECKOUT);
        assertThat(resolved.startsAt()).isEqualTo(Instant.ofEpochMilli(1763216700000L));
        assertThat(resolved.endsAt()).isEqualTo(Instant.ofEpochMilli(1763217600000L));
    }

    @Test
    void anAcknowledgementRecordsNothingAndSaysSo() {
        NormalizedAlerts normalized = adapter.normalize(payload("newrelic-acknowledged.json"));

        assertThat(normalized.alerts()).isEmpty();
        assertThat(normalized.ignored()).singleElement().asString().contains("acknowledged")
                .contains("no alert was recorded");
    }

    @Test
    void eachMappedEntityIsItsOwnAlertAndUnmappedOnesAreListed() {
        NormalizedAlerts normalized = adapter.normalize(edited("newrelic-activated.json", p -> p
                .putArray("impactedEntities").add("checkout (production)").add("cart (production)").add("host-17")));

        assertThat(normalized.alerts()).extracting(a -> a.target()).containsExactly(CHECKOUT, CART);
        assertThat(normalized.alerts()).extracting(a -> a.fingerprint()).containsOnly(ISSUE);
        assertThat(normalized.ignored()).singleElement().asString().contains("host-17")
                .contains("rewind.detector.sources.newrelic.entities");
    }

    @Test
    void anIssueOfNoMappedEntityIsRefusedSayingHowToMapIt() {
        List<FieldViolation> violations = refused(400, () -> adapter.normalize(edited("newrelic-activated.json",
                p -> p.putArray("impactedEntities").add("host-17"))));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("impactedEntities");
            assertThat(v.message()).contains("host-17")
                    .contains("rewind.detector.sources.newrelic.entities.\"<entity name>\"=<environment>/");
        });
    }

    @Test
    void aCustomTemplateNamesItsTargetSignalAndValue() {
        NormalizedAlerts normalized = adapter.normalize(Payloads.read(Payloads.of("newrelic-custom-activated.json",
                CUSTOM, "issue_id", ISSUE), NewRelicPayload.class));

        AlertFired fired = (AlertFired) normalized.alerts().get(0);
        assertThat(normalized.alerts()).hasSize(1);
        assertThat(fired.target()).isEqualTo(CUSTOM);
        assertThat(fired.observedValue()).isEqualTo(0.12);
        assertThat(normalized.targetField()).isEqualTo("service");
    }

    @Test
    void aCustomTemplateMustNameTheWholeTargetAsDnsLabels() {
        ObjectNode partial = Payloads.tree(Payloads.of("newrelic-custom-activated.json", CUSTOM, "issue_id", ISSUE));
        partial.remove("namespace");
        partial.put("service", "Web");

        List<FieldViolation> violations = refused(400, () -> adapter.normalize(read(partial)));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("namespace", "service");
        assertThat(violations.get(1).message()).contains(Dns1123Label.RULE);
    }

    @Test
    void theSignalComesFromTheCustomFieldThenTheConditionsThenTheTitle() {
        assertThat(signal(p -> p.put("rewind_signal", "health-check-failing"))).isEqualTo(Signal.HEALTH_CHECK_FAILING);
        assertThat(signal(p -> p.putArray("alertConditionNames").add("Other").add("SlowCheckout")))
                .isEqualTo(Signal.LATENCY);
        assertThat(signal(p -> p.putArray("alertConditionNames").add("Other"))).isEqualTo(Signal.UNKNOWN);
        assertThat(signal(p -> p.put("title", "HighErrorRate").putArray("alertConditionNames")))
                .isEqualTo(Signal.ERROR_RATE);
    }

    @Test
    void aMistypedEntityMappingFailsNamingTheKey() {
        assertThatThrownBy(() -> new NewRelicAdapter(Map.of("checkout", "production/checkout"), Map.of(),
                new WebhookLimits(LIMITS), Clock.systemUTC()))
                .hasMessageContaining("rewind.detector.sources.newrelic.entities.\"checkout\"")
                .hasMessageContaining("<environment>/<namespace>/<service>");
    }

    @Test
    void aTitleOverTheAnnotationLimitIsRefusedNamingTheField() {
        NewRelicAdapter small = new NewRelicAdapter(Map.of("checkout (production)", "production/payments/checkout"),
                Map.of(), new WebhookLimits(new WebhookLimitsTest.Limits(500, 64, 1024, 32, 50, 256,
                new MemorySize(BigInteger.valueOf(512 * 1024)))), Clock.systemUTC());

        List<FieldViolation> violations = refused(413, () -> small.normalize(edited("newrelic-activated.json",
                p -> p.put("title", "t".repeat(51)).put("issueUrl", "https://nr.example/i"))));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("title");
    }

    private Signal signal(Consumer<ObjectNode> edit) {
        return adapter.normalize(edited("newrelic-activated.json", edit)).alerts().get(0).signal();
    }

    private static NewRelicPayload payload(String name) {
        return Payloads.read(Payloads.of(name, CHECKOUT, "issue_id", ISSUE), NewRelicPayload.class);
    }

    private static NewRelicPayload edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = Payloads.tree(Payloads.of(name, CHECKOUT, "issue_id", ISSUE));
        edit.accept(tree);
        return read(tree);
    }

    private static NewRelicPayload read(ObjectNode tree) {
        return Payloads.read(tree.toString(), NewRelicPayload.class);
    }
}
