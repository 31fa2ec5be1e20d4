package dev.rewind.detector.api;

import static dev.rewind.detector.api.SourceProblems.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.detector.config.SourcesConfig;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertEvent;
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
import org.junit.jupiter.params.provider.CsvSource;

/** How a Datadog webhook, recommended or default template, becomes a normalized alert, or a problem saying why not. */
class DatadogAdapterTest {

    private static final TargetKey TARGET = new TargetKey("production", "payments", "checkout");
    private static final Instant NOW = Instant.parse("2026-11-15T14:30:00Z");
    private static final String[] IDS = {"alert_id", "4211", "cycle_key", "4211-1763216700000"};

    record Tags(String environment, String namespace, String service, String signal, String version)
            implements SourcesConfig.Datadog.Tags {
    }

    private final DatadogAdapter adapter = adapter(new WebhookLimitsTest.Limits(500, 64, 1024, 32, 16384, 256,
            new MemorySize(BigInteger.valueOf(512 * 1024))));

    private static DatadogAdapter adapter(WebhookLimitsTest.Limits limits) {
        return new DatadogAdapter(new Tags("env", "kube_namespace", "service", "rewind_signal", "version"),
                Map.of("HighLatency", Signal.LATENCY), new WebhookLimits(limits),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aTriggeredAlertOfTheRecommendedTemplateFiresWithEverythingItCarries() {
        AlertFired fired = (AlertFired) single(adapter.normalize(payload("datadog-recommended-triggered.json")));

        assertThat(fired.source()).isEqualTo("datadog");
        assertThat(fired.target()).isEqualTo(TARGET);
        assertThat(fired.fingerprint()).isEqualTo("4211-1763216700000");
        assertThat(fired.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(fired.observedValue()).isEqualTo(0.12);
        assertThat(fired.version()).isEqualTo("v1.3.0");
        assertThat(fired.summary()).isEqualTo("High error rate");
        assertThat(fired.startsAt()).isEqualTo(Instant.ofEpochMilli(1763216700000L));
        assertThat(fired.labels()).containsEntry("env", "production").containsEntry("kube_namespace", "payments")
                .containsEntry("service", "checkout").containsEntry("rewind_signal", "error-rate")
                .doesNotContainKey("team");
        assertThat(fired.annotations()).containsEntry("alert_priority", "P1").containsKeys("body", "link", "tags");
    }

    @Test
    void itsRecoveryResolvesTheSameAlert() {
        AlertEvent fired = single(adapter.normalize(payload("datadog-recommended-triggered.json")));
        AlertResolved resolved =
                (AlertResolved) single(adapter.normalize(payload("datadog-recommended-recovered.json")));

        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.target()).isEqualTo(TARGET);
        assertThat(resolved.endsAt()).isEqualTo(Instant.ofEpochMilli(1763217600000L));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            Warn,       a warning
            Re-Warn,    a warning
            No Data,    no data
            Re-No Data, no data
            """)
    void warningsAndMissingDataOpenNothingAndSaySo(String transition, String reason) {
        NormalizedAlerts normalized = adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("alert_transition", transition)));

        assertThat(normalized.alerts()).isEmpty();
        assertThat(normalized.ignored()).singleElement().asString().contains(transition).contains(reason)
                .contains("opens no incident");
    }

    @ParameterizedTest(name = "Renotify of a {0} alert fires: {1}")
    @CsvSource(textBlock = """
            error,   true
            '',      true
            warning, false
            info,    false
            """)
    void aRenotificationFiresAgainUnlessItIsOfALesserAlert(String alertType, boolean fires) {
        NormalizedAlerts normalized = adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("alert_transition", "Renotify").put("alert_type", alertType)));

        assertThat(normalized.alerts()).hasSize(fires ? 1 : 0);
        assertThat(normalized.ignored()).hasSize(fires ? 0 : 1);
    }

    @Test
    void aNullTransitionOpensNothing() {
        NormalizedAlerts normalized = adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("alert_transition", "Null")));

        assertThat(normalized.alerts()).isEmpty();
        assertThat(normalized.ignored()).singleElement().asString().contains("no monitor state change");
    }

    @Test
    void reTriggeredFiresAgainForTheSameCycle() {
        AlertEvent alert = single(adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("alert_transition", "Re-Triggered"))));

        assertThat(alert).isInstanceOf(AlertFired.class);
        assertThat(alert.fingerprint()).isEqualTo("4211-1763216700000");
    }

    @Test
    void theDefaultTemplateIsReadFromTheTitlePrefixAndTheTagsInTheMessage() {
        AlertFired fired = (AlertFired) single(adapter.normalize(payload("datadog-default-triggered.json")));
        AlertResolved resolved = (AlertResolved) single(adapter.normalize(edited("datadog-default-triggered.json",
                p -> p.put("title", "[Recovered] High error rate on checkout").put("id", "7612299412345678902"))));

        assertThat(fired.target()).isEqualTo(TARGET);
        assertThat(fired.summary()).isEqualTo("High error rate on checkout");
        assertThat(fired.fingerprint()).startsWith("title:").isEqualTo(resolved.fingerprint());
    }

    @Test
    void theDefaultTemplateReadsTheScopeOfAMultiAlertTitle() {
        AlertFired fired = (AlertFired) single(adapter.normalize(edited("datadog-default-untargeted.json", p -> p.put(
                "title", "[P2] [Triggered on {env:production,kube_namespace:payments,service:checkout}] Errors"))));

        assertThat(fired.target()).isEqualTo(TARGET);
        assertThat(fired.summary()).isEqualTo("Errors");
        assertThat(fired.labels()).containsEntry("service", "checkout");
    }

    @Test
    void aDefaultTemplateWithoutTargetTagsIsRefusedNamingEachTagAndTheRecommendedTemplate() {
        List<FieldViolation> violations = refused(400,
                () -> adapter.normalize(payload("datadog-default-untargeted.json")));

        assertThat(violations).extracting(FieldViolation::field).containsOnly("tags");
        assertThat(violations).extracting(FieldViolation::message).anySatisfy(m -> assertThat(m)
                .contains("'env:<value>'").contains("recommended Datadog payload template"))
                .anySatisfy(m -> assertThat(m).contains("'kube_namespace:<value>'"))
                .anySatisfy(m -> assertThat(m).contains("'service:<value>'"));
    }

    @Test
    void withoutTransitionNorTitlePrefixTheAlertIsRefused() {
        List<FieldViolation> violations = refused(400, () -> adapter.normalize(edited(
                "datadog-default-triggered.json", p -> p.put("title", "High error rate"))));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("alert_transition");
        assertThat(violations.get(0).message()).contains("$ALERT_TRANSITION");
    }

    @Test
    void anUnknownTransitionIsRefusedListingTheKnownOnes() {
        List<FieldViolation> violations = refused(400, () -> adapter.normalize(edited(
                "datadog-recommended-triggered.json", p -> p.put("alert_transition", "Exploded"))));

        assertThat(violations.get(0).message()).contains("'Exploded'").contains("Triggered, Re-Triggered, Recovered");
    }

    @Test
    void aTagWithSeveralValuesIsAmbiguousUnlessTheScopeSettlesIt() {
        ObjectNode ambiguous = tree("datadog-recommended-triggered.json");
        ambiguous.remove("alert_scope");
        ambiguous.put("title", "[Triggered] High error rate");
        ambiguous.put("tags", "env:production,kube_namespace:payments,service:checkout,service:cart");

        List<FieldViolation> violations = refused(400, () -> adapter.normalize(read(ambiguous)));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("tags");
            assertThat(v.message()).contains("several values").contains("checkout").contains("cart");
        });

        ambiguous.put("alert_scope", "service:checkout");
        assertThat(single(adapter.normalize(read(ambiguous))).target()).isEqualTo(TARGET);
    }

    @Test
    void aTagThatIsNoDnsLabelIsRefusedWhereItWasFound() {
        List<FieldViolation> violations = refused(400, () -> adapter.normalize(edited(
                "datadog-recommended-triggered.json",
                p -> p.put("alert_scope", "env:Production,kube_namespace:payments,service:checkout"))));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("alert_scope");
            assertThat(v.message()).contains("tag 'env'").contains(Dns1123Label.RULE).contains("upper-case");
        });
    }

    @Test
    void withoutACycleKeyTheMonitorAndItsGroupMatchTriggerAndRecovery() {
        AlertEvent fired = single(adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.remove("alert_cycle_key"))));
        AlertEvent resolved = single(adapter.normalize(edited("datadog-recommended-recovered.json",
                p -> p.remove("alert_cycle_key"))));

        assertThat(fired.fingerprint()).isEqualTo("4211/env:production,kube_namespace:payments,service:checkout")
                .isEqualTo(resolved.fingerprint());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            rewind_signal:latency   | High error rate | LATENCY
            team:payments           | HighLatency     | LATENCY
            team:payments           | Something else  | UNKNOWN
            """)
    void theSignalTagWinsOverTheMonitorNameMap(String tag, String monitor, Signal expected) {
        AlertFired fired = (AlertFired) single(adapter.normalize(edited("datadog-recommended-triggered.json", p -> p
                .put("title", "[Triggered] " + monitor)
                .put("tags", "env:production,kube_namespace:payments,service:checkout," + tag))));

        assertThat(fired.signal()).isEqualTo(expected);
    }

    @Test
    void theValueFieldWinsOverTheMessageAndTimesMayBeRfc3339() {
        AlertFired fired = (AlertFired) single(adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("value", "7%").put("date", "2026-11-15T14:25:00Z"))));

        assertThat(fired.observedValue()).isEqualTo(0.07);
        assertThat(fired.startsAt()).isEqualTo(Instant.parse("2026-11-15T14:25:00Z"));
    }

    @Test
    void anUnreadableDateFallsBackToLastUpdatedThenToArrival() {
        AlertFired fromLastUpdated = (AlertFired) single(adapter.normalize(edited(
                "datadog-recommended-triggered.json", p -> p.put("date", "$DATE"))));
        AlertFired fromArrival = (AlertFired) single(adapter.normalize(edited("datadog-recommended-triggered.json",
                p -> p.put("date", "soon").put("last_updated", "later"))));

        assertThat(fromLastUpdated.startsAt()).isEqualTo(Instant.ofEpochMilli(1763216700000L));
        assertThat(fromArrival.startsAt()).isEqualTo(NOW);
    }

    @Test
    void aMessageOverTheAnnotationLimitIsRefusedNamingTheFieldAndTheKey() {
        DatadogAdapter small = adapter(new WebhookLimitsTest.Limits(500, 64, 1024, 32, 200, 256,
                new MemorySize(BigInteger.valueOf(512 * 1024))));

        List<FieldViolation> violations = refused(413, () -> small.normalize(edited(
                "datadog-recommended-triggered.json", p -> p.put("body", "x".repeat(201)))));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).contains("201 characters").contains("annotation-value-length");
        });
    }

    private static AlertEvent single(NormalizedAlerts normalized) {
        assertThat(normalized.ignored()).isEmpty();
        return normalized.alerts().get(0);
    }

    private static DatadogPayload payload(String name) {
        return Payloads.read(Payloads.of(name, TARGET, IDS), DatadogPayload.class);
    }

    private static ObjectNode tree(String name) {
        return Payloads.tree(Payloads.of(name, TARGET, IDS));
    }

    private static DatadogPayload edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(name);
        edit.accept(tree);
        return read(tree);
    }

    private static DatadogPayload read(ObjectNode tree) {
        return Payloads.read(tree.toString(), DatadogPayload.class);
    }
}
