package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.events.EventJson;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sizes an Alertmanager payload may have, checked before anything is committed: an alert accepted with 202 must
 * fit in one Kafka record, or the relay could never publish it. Each violation names the field, its size and the
 * limit's configuration key.
 */
public final class WebhookLimits {

    /** A payload over the limits gets this many violations at most: enough to see the pattern. */
    static final int MAX_VIOLATIONS = 20;
    private static final String KEY = "rewind.detector.webhook.limits.";

    private final DetectorConfig.Webhook.Limits limits;

    public WebhookLimits(DetectorConfig.Webhook.Limits limits) {
        this.limits = limits;
    }

    /** Every count and length over its limit, at most {@link #MAX_VIOLATIONS}; empty when the payload fits. */
    public List<FieldViolation> check(AlertmanagerPayload payload) {
        List<FieldViolation> violations = new ArrayList<>();
        List<AlertmanagerPayload.Alert> alerts = payload.alerts();
        if (alerts.size() > limits.alerts()) {
            violations.add(FieldViolation.body("alerts", "has " + alerts.size() + " alerts, more than the "
                    + limits.alerts() + " one payload may carry (" + KEY + "alerts); lower max_alerts in "
                    + "Alertmanager's webhook_config (Max alerts in Grafana's webhook contact point)"));
            return violations;
        }
        for (int i = 0; i < alerts.size() && violations.size() < MAX_VIOLATIONS; i++) {
            AlertmanagerPayload.Alert alert = alerts.get(i);
            if (alert == null) {
                continue;
            }
            String at = "alerts[" + i + "]";
            checkAlert(at + ".labels", alert.labels(), at + ".annotations", alert.annotations(),
                    at + ".fingerprint", alert.fingerprint(), violations);
        }
        return violations.size() > MAX_VIOLATIONS ? violations.subList(0, MAX_VIOLATIONS) : violations;
    }

    /**
     * Adds to {@code violations} every count and length of one alert over its limit, each named by where the
     * source's payload carries it ({@code annotationsAt} may be empty: the annotations are then the payload's own
     * fields, named alone).
     */
    public void checkAlert(String labelsAt, Map<String, String> labels, String annotationsAt,
                           Map<String, String> annotations, String fingerprintAt, String fingerprint,
                           List<FieldViolation> violations) {
        entries(labelsAt, labels, limits.labels(), "labels", limits.labelValueLength(), "label-value-length",
                violations);
        entries(annotationsAt, annotations, limits.annotations(), "annotations", limits.annotationValueLength(),
                "annotation-value-length", violations);
        tooLong(fingerprintAt, fingerprint, limits.nameLength(), "name-length", violations);
    }

    /** The violation of an alert whose event would not fit in one Kafka record, if it would not. */
    public Optional<FieldViolation> checkEvent(String field, AlertEvent event) {
        long bytes = EventJson.write(event).getBytes(StandardCharsets.UTF_8).length;
        long max = limits.eventSize().asLongValue();
        if (bytes <= max) {
            return Optional.empty();
        }
        return Optional.of(FieldViolation.body(field, "is " + bytes + " bytes once normalized, more than the " + max
                + " bytes one Kafka record may carry (" + KEY + "event-size); shorten its annotations or labels"));
    }

    private void entries(String field, Map<String, String> entries, int maxCount, String countKey,
                         int maxValueLength, String valueKey, List<FieldViolation> violations) {
        if (entries == null) {
            return;
        }
        if (entries.size() > maxCount) {
            violations.add(FieldViolation.body(field, "has " + entries.size() + " entries, more than the " + maxCount
                    + " allowed (" + KEY + countKey + ")"));
            return;
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            int nameLength = length(entry.getKey());
            if (nameLength > limits.nameLength()) {
                violations.add(FieldViolation.body(field, "has a name " + nameLength + " characters long, more than"
                        + " the " + limits.nameLength() + " allowed (" + KEY + "name-length)"));
                continue;
            }
            String at = JsonPath.appendName(new StringBuilder(field), entry.getKey()).toString();
            tooLong(at, entry.getValue(), maxValueLength, valueKey, violations);
        }
    }

    private static void tooLong(String field, String value, int max, String key, List<FieldViolation> violations) {
        if (value == null) {
            return;
        }
        int length = length(value);
        if (length > max) {
            violations.add(FieldViolation.body(field, "is " + length + " characters long, more than the " + max
                    + " allowed (" + KEY + key + ")"));
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
