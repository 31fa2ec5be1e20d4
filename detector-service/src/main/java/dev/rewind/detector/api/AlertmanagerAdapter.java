package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.detector.domain.Measurement;
import dev.rewind.detector.domain.SignalClassifier;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.platform.http.FieldViolation;
import dev.rewind.platform.http.JsonPath;
import dev.rewind.platform.http.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns an Alertmanager webhook, or Grafana's of the same shape ({@link GrafanaAdapter}), into normalized alerts.
 * Every alert must name its target through the configured labels and fit the webhook limits; a payload with one that
 * does not is refused whole, naming each missing or invalid label and each field over its limit.
 */
@ApplicationScoped
public class AlertmanagerAdapter {

    /** The source name of alerts from Alertmanager. */
    public static final String SOURCE = "alertmanager";

    private final DetectorConfig.Labels labels;
    private final WebhookLimits limits;
    private final SignalClassifier classifier;
    private final Clock clock;

    @Inject
    public AlertmanagerAdapter(DetectorConfig config, Clock clock) {
        this.labels = config.labels();
        this.limits = new WebhookLimits(config.webhook().limits());
        this.classifier = new SignalClassifier(config.alertnames());
        this.clock = clock;
    }

    /**
     * The alerts of {@code payload}, normalized.
     *
     * @throws HttpProblem 413 when the payload exceeds the webhook limits or an alert would not fit in one Kafka
     *                     record, 400 when an alert does not name its target; nothing of the payload is accepted
     */
    public List<AlertEvent> normalize(AlertmanagerPayload payload) {
        return normalize(payload, SOURCE, alert -> null);
    }

    /**
     * The alerts of {@code payload} as alerts of {@code source}, normalized as {@link #normalize(AlertmanagerPayload)}
     * does; {@code measuredValue} reads the value of an alert that has no value annotation (null when none).
     */
    public List<AlertEvent> normalize(AlertmanagerPayload payload, String source,
                                      Function<AlertmanagerPayload.Alert, Double> measuredValue) {
        List<FieldViolation> tooLarge = limits.check(payload);
        if (!tooLarge.isEmpty()) {
            throw Problems.summarising(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the payload exceeds the detector's webhook limits; nothing was accepted", tooLarge);
        }
        List<AlertEvent> alerts = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        Instant now = Instant.now(clock);
        for (int i = 0; i < payload.alerts().size(); i++) {
            AlertmanagerPayload.Alert alert = payload.alerts().get(i);
            TargetKey target = target(alert.labels(), "alerts[" + i + "].labels", violations);
            if (target != null) {
                alerts.add(normalize(alert, target, now, source, measuredValue));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.summarising(Response.Status.BAD_REQUEST, "every alert must name its target with labels "
                    + labels.environment() + ", " + labels.namespace() + " and " + labels.service()
                    + "; nothing was accepted", violations);
        }
        List<FieldViolation> oversized = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            limits.checkEvent("alerts[" + i + "]", alerts.get(i)).ifPresent(oversized::add);
        }
        if (!oversized.isEmpty()) {
            throw Problems.summarising(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "alerts would not fit in one Kafka record each; nothing was accepted", oversized);
        }
        return alerts;
    }

    private AlertEvent normalize(AlertmanagerPayload.Alert alert, TargetKey target, Instant now, String source,
                                 Function<AlertmanagerPayload.Alert, Double> measuredValue) {
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        String fingerprint = alert.fingerprint() == null || alert.fingerprint().isBlank()
                ? fingerprintOf(alert.labels()) : alert.fingerprint();
        var signal = classifier.classify(alert.labels().get(labels.signal()), alert.labels().get("alertname"));
        Instant startsAt = alert.startsAt().toInstant();
        if ("resolved".equals(alert.status())) {
            return new AlertResolved(UUID.randomUUID(), source, fingerprint, target, signal, startsAt,
                    alert.endsAt() == null ? now : alert.endsAt().toInstant(), now);
        }
        String summary = annotations.getOrDefault("summary", annotations.get("description"));
        Double value = Measurement.of(annotations.get(labels.valueAnnotation()),
                annotations.get(labels.baselineAnnotation())).orElse(null);
        return new AlertFired(UUID.randomUUID(), source, fingerprint, target, signal,
                value != null ? value : measuredValue.apply(alert), summary,
                alert.labels().get(labels.version()), alert.labels(), annotations, startsAt, now);
    }

    private TargetKey target(Map<String, String> alertLabels, String field, List<FieldViolation> violations) {
        int before = violations.size();
        String environment = label(alertLabels, labels.environment(), field, violations);
        String namespace = label(alertLabels, labels.namespace(), field, violations);
        String service = label(alertLabels, labels.service(), field, violations);
        if (violations.size() > before) {
            return null;
        }
        try {
            return new TargetKey(environment, namespace, service);
        } catch (IllegalArgumentException e) {
            // The labels were checked above; this only guards against the two rules drifting apart.
            violations.add(FieldViolation.body(field, e.getMessage()));
            return null;
        }
    }

    /** A target label: missing when absent or empty (Prometheus treats both alike), else a DNS-1123 label. */
    private static String label(Map<String, String> alertLabels, String name, String field,
                                List<FieldViolation> violations) {
        String value = alertLabels.get(name);
        String at = JsonPath.appendName(new StringBuilder(field), name).toString();
        if (value == null || value.isEmpty()) {
            violations.add(FieldViolation.body(at, "missing label '" + name + "' naming the target"));
            return value;
        }
        Dns1123Label.violation(value).ifPresent(rule -> violations.add(FieldViolation.body(at, rule)));
        return value;
    }

    /** Alertmanager's fingerprint is derived from the label set; without one, so is ours. */
    private static String fingerprintOf(Map<String, String> alertLabels) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new TreeMap<>(alertLabels).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
