package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.platform.http.FieldViolation;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookLimitsTest {

    /** Small limits, so that the cases stay readable. */
    record Limits(int alerts, int labels, int labelValueLength, int annotations, int annotationValueLength,
                  int nameLength, MemorySize eventSize) implements DetectorConfig.Webhook.Limits {
    }

    private static final Limits LIMITS = new Limits(3, 8, 16, 2, 32, 16, new MemorySize(BigInteger.valueOf(2048)));
    private final WebhookLimits limits = new WebhookLimits(LIMITS);

    static List<Arguments> oversizedPayloads() {
        return List.of(
                Arguments.of("too many alerts", (UnaryOperator<AlertmanagerPayload>) p -> withAlerts(p, 4),
                        "alerts", "has 4 alerts, more than the 3 one payload may carry",
                        "rewind.detector.webhook.limits.alerts"),
                Arguments.of("a long label value", alert(a -> withLabel(a, "severity", "x".repeat(17))),
                        "alerts[0].labels.severity", "is 17 characters long, more than the 16 allowed",
                        "limits.label-value-length"),
                Arguments.of("non-ASCII counted as characters", alert(a -> withLabel(a, "severity", "é".repeat(17))),
                        "alerts[0].labels.severity", "is 17 characters long", "limits.label-value-length"),
                Arguments.of("too many labels", alert(a -> withLabels(a, 9)),
                        "alerts[0].labels", "has 9 entries, more than the 8 allowed", "limits.labels"),
                Arguments.of("a long label name", alert(a -> withLabel(a, "n".repeat(17), "v")),
                        "alerts[0].labels", "has a name 17 characters long, more than the 16", "limits.name-length"),
                Arguments.of("a long annotation", alert(a -> withAnnotation(a, "description", "d".repeat(33))),
                        "alerts[0].annotations.description", "is 33 characters long, more than the 32",
                        "limits.annotation-value-length"),
                Arguments.of("too many annotations", alert(a -> withAnnotation(withAnnotation(a, "a", "1"), "b", "2")),
                        "alerts[0].annotations", "has 3 entries, more than the 2 allowed", "limits.annotations"),
                Arguments.of("a long fingerprint", alert(a -> withFingerprint(a, "f".repeat(17))),
                        "alerts[0].fingerprint", "is 17 characters long, more than the 16", "limits.name-length"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedPayloads")
    void namesTheFieldOverItsLimitAndTheLimitsKey(String name, UnaryOperator<AlertmanagerPayload> change,
                                                  String field, String message, String key) {
        List<FieldViolation> violations = limits.check(change.apply(payload()));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.in()).isEqualTo("body");
            assertThat(violation.message()).contains(message).contains(key);
        });
    }

    @Test
    void aPayloadWithinTheLimitsPasses() {
        assertThat(limits.check(payload())).isEmpty();
    }

    @Test
    void reportsAtMostTwentyViolations() {
        Map<String, String> labels = new LinkedHashMap<>();
        IntStream.range(0, 8).forEach(i -> labels.put("l" + i, "x".repeat(17)));
        AlertmanagerPayload.Alert bad = withFingerprint(new AlertmanagerPayload.Alert("firing", labels,
                Map.of(), OffsetDateTime.now(), null, null, "f"), "f".repeat(17));

        List<FieldViolation> violations = limits.check(withAlerts(payload(), 3, bad));

        assertThat(violations).hasSize(WebhookLimits.MAX_VIOLATIONS);
    }

    @Test
    void anEventLargerThanOneKafkaRecordMayCarryIsNamed() {
        AlertFired small = event(Map.of("summary", "s"));
        AlertFired large = event(Map.of("summary", "s".repeat(2048)));

        assertThat(limits.checkEvent("alerts[0]", small)).isEmpty();
        assertThat(limits.checkEvent("alerts[1]", large)).get().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("alerts[1]");
            assertThat(violation.message()).contains("more than the 2048 bytes one Kafka record may carry")
                    .contains("limits.event-size");
        });
    }

    private static AlertFired event(Map<String, String> annotations) {
        return new AlertFired(UUID.randomUUID(), "alertmanager", "fp", new TargetKey("production", "payments", "x"),
                null, null, annotations.get("summary"), "v1", Map.of("alertname", "HighErrorRate"), annotations,
                Instant.EPOCH, Instant.EPOCH);
    }

    private static AlertmanagerPayload payload() {
        AlertmanagerPayload.Alert alert = new AlertmanagerPayload.Alert("firing",
                Map.of("alertname", "HighErrorRate", "environment", "production", "namespace", "payments",
                        "service", "checkout"),
                Map.of("summary", "High error rate"), OffsetDateTime.now(), null, null, "c5e1f2a3b4d5e6f7");
        return new AlertmanagerPayload("4", "{}", 0, "firing", "rewind", Map.of(), Map.of(), Map.of(), null,
                List.of(alert));
    }

    private static UnaryOperator<AlertmanagerPayload> alert(UnaryOperator<AlertmanagerPayload.Alert> change) {
        return p -> withAlerts(p, 1, change.apply(p.alerts().get(0)));
    }

    private static AlertmanagerPayload withAlerts(AlertmanagerPayload p, int count) {
        return withAlerts(p, count, p.alerts().get(0));
    }

    private static AlertmanagerPayload withAlerts(AlertmanagerPayload p, int count, AlertmanagerPayload.Alert alert) {
        return new AlertmanagerPayload(p.version(), p.groupKey(), p.truncatedAlerts(), p.status(), p.receiver(),
                p.groupLabels(), p.commonLabels(), p.commonAnnotations(), p.externalURL(),
                new ArrayList<>(Collections.nCopies(count, alert)));
    }

    private static AlertmanagerPayload.Alert withLabel(AlertmanagerPayload.Alert a, String name, String value) {
        Map<String, String> labels = new LinkedHashMap<>(a.labels());
        labels.put(name, value);
        return new AlertmanagerPayload.Alert(a.status(), labels, a.annotations(), a.startsAt(), a.endsAt(),
                a.generatorURL(), a.fingerprint());
    }

    private static AlertmanagerPayload.Alert withLabels(AlertmanagerPayload.Alert a, int count) {
        AlertmanagerPayload.Alert result = a;
        for (int i = a.labels().size(); i < count; i++) {
            result = withLabel(result, "extra" + i, "v");
        }
        return result;
    }

    private static AlertmanagerPayload.Alert withAnnotation(AlertmanagerPayload.Alert a, String name, String value) {
        Map<String, String> annotations = new LinkedHashMap<>(a.annotations());
        annotations.put(name, value);
        return new AlertmanagerPayload.Alert(a.status(), a.labels(), annotations, a.startsAt(), a.endsAt(),
                a.generatorURL(), a.fingerprint());
    }

    private static AlertmanagerPayload.Alert withFingerprint(AlertmanagerPayload.Alert a, String fingerprint) {
        return new AlertmanagerPayload.Alert(a.status(), a.labels(), a.annotations(), a.startsAt(), a.endsAt(),
                a.generatorURL(), fingerprint);
    }
}
