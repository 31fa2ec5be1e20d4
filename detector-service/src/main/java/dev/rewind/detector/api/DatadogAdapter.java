package dev.rewind.detector.api;

import dev.rewind.detector.config.DetectorConfig;
import dev.rewind.detector.config.SourcesConfig;
import dev.rewind.detector.domain.SignalClassifier;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.platform.http.FieldViolation;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Datadog webhook into a normalized alert of source {@value #SOURCE}. Reads Rewind's recommended payload
 * template and tolerates Datadog's default one: the transition from {@code alert_transition} or the title's
 * {@code [Triggered]} prefix, the target from the {@code name:value} tags of the alert's scope, {@code $TAGS} or the
 * message. Triggered fires, Recovered resolves (matched by {@code $ALERT_CYCLE_KEY}), Warn and No Data open nothing,
 * Renotify fires again unless {@code $ALERT_TYPE} says it re-notifies a warning.
 */
@ApplicationScoped
public class DatadogAdapter {

    /** The source name of alerts from Datadog. */
    public static final String SOURCE = "datadog";
    static final String RECOMMENDED = "use Rewind's recommended Datadog payload template (docs/alert-sources.md, "
            + "section Datadog)";

    /** "[P1] [Triggered on {env:production,service:checkout}] High error rate": priority, transition, scope, name. */
    private static final Pattern TITLE = Pattern.compile(
            "^\\s*(?:\\[P\\d]\\s*)?\\[(?<transition>[^\\[\\]{}]+?)(?:\\s+on\\s+\\{(?<scope>[^}]*)})?]\\s*(?<name>.*)$",
            Pattern.DOTALL);
    private static final Pattern BODY_VALUE = Pattern.compile("rewind_value:\\s*([^\\s,]+)");
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private enum Kind { FIRES, RESOLVES, IGNORED }

    private final SourcesConfig.Datadog.Tags tags;
    private final SignalClassifier classifier;
    private final WebhookLimits limits;
    private final Clock clock;

    @Inject
    public DatadogAdapter(SourcesConfig sources, DetectorConfig config, Clock clock) {
        this(sources.datadog().tags(), config.alertnames(), new WebhookLimits(config.webhook().limits()), clock);
    }

    DatadogAdapter(SourcesConfig.Datadog.Tags tags, Map<String, Signal> alertnames, WebhookLimits limits,
                   Clock clock) {
        this.tags = tags;
        this.classifier = new SignalClassifier(alertnames);
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The alert {@code payload} stands for, or none, saying why, for a warning or missing data.
     *
     * @throws HttpProblem 400 naming the field when the transition or the target cannot be told, 413 when the
     *                     alert exceeds the webhook limits; nothing is accepted then
     */
    public NormalizedAlerts normalize(DatadogPayload payload) {
        Instant now = Instant.now(clock);
        Matcher title = payload.title() == null ? null : TITLE.matcher(payload.title());
        boolean titled = title != null && title.matches();
        String monitor = titled ? title.group("name").trim() : payload.title();
        String transition = present(payload.alertTransition()) ? payload.alertTransition().trim()
                : titled ? title.group("transition").trim() : null;
        List<FieldViolation> violations = new ArrayList<>();
        Kind kind = kind(transition, payload.alertType(), violations);
        if (kind == Kind.IGNORED) {
            return new NormalizedAlerts(List.of(), List.of(ignored(transition, payload.alertType())), "tags");
        }
        String scope = present(payload.alertScope()) ? payload.alertScope()
                : titled ? title.group("scope") : null;
        TagSources found = new TagSources(scope, payload.tags(), payload.body());
        TargetKey target = target(found, violations);
        if (!violations.isEmpty()) {
            throw Problems.summarising(Response.Status.BAD_REQUEST, "the Datadog payload does not say whether the "
                    + "alert fires or recovers, or about which target; nothing was accepted: " + RECOMMENDED,
                    violations);
        }
        String fingerprintField = present(payload.alertCycleKey()) ? "alert_cycle_key"
                : present(payload.alertId()) ? "alert_id" : "title";
        String fingerprint = fingerprint(payload, monitor, scope);
        Map<String, String> labels = found.labels(tags);
        Map<String, String> annotations = annotations(payload);
        limits.checkAlert("tags", labels, "", annotations, fingerprintField, fingerprint, violations);
        Signal signal = classifier.classify(found.first(tags.signal()), monitor);
        Instant at = time(payload.date(), time(payload.lastUpdated(), now));
        AlertEvent alert = kind == Kind.RESOLVES
                ? new AlertResolved(UUID.randomUUID(), SOURCE, fingerprint, target, signal, null, at, now)
                : new AlertFired(UUID.randomUUID(), SOURCE, fingerprint, target, signal, value(payload),
                        monitor, found.first(tags.version()), labels, annotations, at, now);
        limits.checkEvent("", alert).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw Problems.summarising(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the Datadog alert exceeds the detector's webhook limits; nothing was accepted", violations);
        }
        return new NormalizedAlerts(List.of(alert), List.of(), "tags");
    }

    private static Kind kind(String transition, String alertType, List<FieldViolation> violations) {
        if (transition == null) {
            violations.add(FieldViolation.body("alert_transition", "is missing and the title does not begin with "
                    + "[Triggered] or [Recovered], so Rewind cannot tell whether the alert fires or recovers: send "
                    + "\"alert_transition\": \"$ALERT_TRANSITION\""));
            return null;
        }
        return switch (transition.toLowerCase(Locale.ROOT)) {
            case "triggered", "re-triggered" -> Kind.FIRES;
            case "recovered" -> Kind.RESOLVES;
            case "warn", "re-warn", "no data", "re-no data", "null" -> Kind.IGNORED;
            // A reminder of the monitor's current state: an alert unless $ALERT_TYPE says it is a lesser one.
            case "renotify" -> alertType == null || alertType.isBlank() || alertType.equalsIgnoreCase("error")
                    ? Kind.FIRES : Kind.IGNORED;
            default -> {
                violations.add(FieldViolation.body("alert_transition", "is '" + transition + "', not a Datadog "
                        + "transition: expected Triggered, Re-Triggered, Recovered, Warn, Re-Warn, No Data, "
                        + "Re-No Data, Renotify or Null ($ALERT_TRANSITION)"));
                yield null;
            }
        };
    }

    /** Why a transition opens nothing: said in the 202 answer. */
    private static String ignored(String transition, String alertType) {
        String lower = transition.toLowerCase(Locale.ROOT);
        if (lower.equals("null")) {
            return "Datadog transition 'Null' is no monitor state change: it opens no incident";
        }
        if (lower.equals("renotify")) {
            return "Datadog renotified a monitor whose alert type is '" + alertType + "', not an error: it opens no "
                    + "incident (Rewind acts on Triggered and Recovered)";
        }
        if (lower.endsWith("warn")) {
            return "Datadog transition '" + transition + "' is a warning, below the monitor's alert threshold: it "
                    + "opens no incident (Rewind acts on Triggered and Recovered)";
        }
        return "Datadog transition '" + transition + "' says the monitor has no data, which is no evidence against "
                + "the release (the agent or the pipeline may be down): it opens no incident; a health probe "
                + "catches a service that stopped answering";
    }

    private TargetKey target(TagSources found, List<FieldViolation> violations) {
        int before = violations.size();
        String environment = found.target(tags.environment(), violations);
        String namespace = found.target(tags.namespace(), violations);
        String service = found.target(tags.service(), violations);
        if (violations.size() > before) {
            return null;
        }
        return new TargetKey(environment, namespace, service);
    }

    /** The cycle key links a trigger and its recovery; without it, the monitor and its group do. */
    private static String fingerprint(DatadogPayload payload, String monitor, String scope) {
        if (present(payload.alertCycleKey())) {
            return payload.alertCycleKey().trim();
        }
        String group = scope == null || scope.isBlank() ? "*" : scope.trim();
        if (present(payload.alertId())) {
            return payload.alertId().trim() + "/" + group;
        }
        return "title:" + sha256(monitor + "\n" + group);
    }

    private static Map<String, String> annotations(DatadogPayload payload) {
        Map<String, String> annotations = new LinkedHashMap<>();
        put(annotations, "title", payload.title());
        put(annotations, "body", payload.body());
        put(annotations, "link", payload.link());
        put(annotations, "alert_status", payload.alertStatus());
        put(annotations, "alert_priority", payload.alertPriority());
        put(annotations, "alert_type", payload.alertType());
        put(annotations, "alert_metric", payload.alertMetric());
        put(annotations, "alert_query", payload.alertQuery());
        put(annotations, "hostname", payload.hostname());
        put(annotations, "tags", payload.tags());
        return annotations;
    }

    /** The {@code value} field, else a {@code rewind_value: {{value}}} line of the monitor's message. */
    private static Double value(DatadogPayload payload) {
        Double value = SignalClassifier.parseValue(payload.value());
        if (value != null || payload.body() == null) {
            return value;
        }
        Matcher line = BODY_VALUE.matcher(payload.body());
        return line.find() ? SignalClassifier.parseValue(line.group(1)) : null;
    }

    /** $DATE is epoch milliseconds; an RFC 3339 timestamp is read too; anything else falls back. */
    private static Instant time(String text, Instant fallback) {
        if (!present(text)) {
            return fallback;
        }
        String trimmed = text.trim();
        if (DIGITS.matcher(trimmed).matches()) {
            return Instant.ofEpochMilli(Long.parseLong(trimmed));
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (present(value)) {
            map.put(key, value);
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The {@code name:value} tags of the alert, most specific first: its scope (the group that triggered), the
     * monitor's and event's tags, then the message, of which only the tags Rewind reads count.
     */
    private record TagSources(Map<String, Map<String, Set<String>>> byField) {

        TagSources(String scope, String tags, String body) {
            this(new LinkedHashMap<>());
            byField.put("alert_scope", parse(scope));
            byField.put("tags", parse(tags));
            byField.put("body", parse(body));
        }

        /** The value of a target tag; a violation when it is missing, ambiguous or not a DNS-1123 label. */
        String target(String name, List<FieldViolation> violations) {
            for (Map.Entry<String, Map<String, Set<String>>> field : byField.entrySet()) {
                Set<String> values = field.getValue().get(name);
                if (values == null) {
                    continue;
                }
                if (values.size() > 1) {
                    violations.add(FieldViolation.body(field.getKey(), "has tag '" + name + "' with several values "
                            + values + ", so Rewind cannot tell which target the alert is about: group the monitor "
                            + "by " + name + " (a multi alert) so that its scope names one"));
                    return null;
                }
                String value = values.iterator().next();
                Dns1123Label.violation(value).ifPresent(rule ->
                        violations.add(FieldViolation.body(field.getKey(), "tag '" + name + "' " + rule)));
                return value;
            }
            violations.add(FieldViolation.body("tags", "has no tag '" + name + ":<value>' naming the target (nor "
                    + "has alert_scope or the message body): tag the monitor, or group it, by " + name + "; "
                    + RECOMMENDED));
            return null;
        }

        /** The first value of tag {@code name}, or null. */
        String first(String name) {
            return byField.values().stream().map(tags -> tags.get(name)).filter(values -> values != null)
                    .map(values -> values.iterator().next()).findFirst().orElse(null);
        }

        /** The scope's tags and the target, signal and version tags, as the alert's labels. */
        Map<String, String> labels(SourcesConfig.Datadog.Tags names) {
            Map<String, String> labels = new LinkedHashMap<>();
            byField.get("alert_scope").forEach((name, values) -> labels.put(name, values.iterator().next()));
            for (String name : List.of(names.environment(), names.namespace(), names.service(), names.signal(),
                    names.version())) {
                String value = first(name);
                if (value != null) {
                    labels.putIfAbsent(name, value);
                }
            }
            return labels;
        }

        private static Map<String, Set<String>> parse(String text) {
            Map<String, Set<String>> tags = new LinkedHashMap<>();
            if (text == null) {
                return tags;
            }
            for (String token : TAG_SEPARATORS.split(text)) {
                int colon = token.indexOf(':');
                if (colon > 0 && colon < token.length() - 1) {
                    tags.computeIfAbsent(token.substring(0, colon), name -> new LinkedHashSet<>())
                            .add(token.substring(colon + 1));
                }
            }
            return tags;
        }
    }
}
