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
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a New Relic workflow webhook into normalized alerts of source {@value #SOURCE}, one per impacted entity that
 * the configuration maps to a target (or one for the target a custom template names). ACTIVATED and CREATED fire,
 * CLOSED resolves, ACKNOWLEDGED opens nothing; the issue id is the fingerprint, so an issue's close matches it.
 */
@ApplicationScoped
@Startup // a mistyped entity mapping fails the start, not the first alert
public class NewRelicAdapter {

    /** The source name of alerts from New Relic. */
    public static final String SOURCE = "newrelic";
    private static final String ENTITIES_KEY = "rewind.detector.sources.newrelic.entities";

    private final Map<String, TargetKey> entities;
    private final SignalClassifier classifier;
    private final WebhookLimits limits;
    private final Clock clock;

    @Inject
    public NewRelicAdapter(SourcesConfig sources, DetectorConfig config, Clock clock) {
        this(sources.newRelic().entities(), config.alertnames(), new WebhookLimits(config.webhook().limits()),
                clock);
    }

    NewRelicAdapter(Map<String, String> entities, Map<String, Signal> alertnames, WebhookLimits limits,
                    Clock clock) {
        this.entities = parse(entities);
        this.classifier = new SignalClassifier(alertnames);
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * The alerts {@code payload} stands for: none, saying why, for an acknowledgement or entities Rewind does not
     * know.
     *
     * @throws HttpProblem 400 naming the field when no target can be told, 413 when an alert exceeds the webhook
     *                     limits; nothing is accepted then
     */
    public NormalizedAlerts normalize(NewRelicPayload payload) {
        if (payload.state().equals("ACKNOWLEDGED")) {
            return new NormalizedAlerts(List.of(), List.of("New Relic issue " + payload.id() + " was acknowledged: "
                    + "someone is on it, which changes nothing Rewind decides, so no alert was recorded"), "state");
        }
        List<String> ignored = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        Map<TargetKey, String> targets = targets(payload, ignored, violations);
        if (!violations.isEmpty()) {
            throw Problems.summarising(Response.Status.BAD_REQUEST, "the New Relic issue names no target Rewind "
                    + "knows; nothing was accepted", violations);
        }
        Instant now = Instant.now(clock);
        Instant createdAt = Instant.ofEpochMilli(payload.createdAt());
        Signal signal = signal(payload);
        List<AlertEvent> alerts = new ArrayList<>();
        targets.forEach((target, entity) -> {
            Map<String, String> labels = labels(payload, entity);
            Map<String, String> annotations = annotations(payload);
            limits.checkAlert("impactedEntities", labels, "", annotations, "id", payload.id(), violations);
            AlertEvent alert = payload.state().equals("CLOSED")
                    ? new AlertResolved(UUID.randomUUID(), SOURCE, payload.id(), target, signal, createdAt,
                            payload.updatedAt() == null ? now : Instant.ofEpochMilli(payload.updatedAt()), now)
                    : new AlertFired(UUID.randomUUID(), SOURCE, payload.id(), target, signal,
                            SignalClassifier.parseValue(payload.value()), payload.title(), payload.version(), labels,
                            annotations, createdAt, now);
            limits.checkEvent("", alert).ifPresent(violations::add);
            alerts.add(alert);
        });
        if (!violations.isEmpty()) {
            throw Problems.summarising(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "the New Relic issue exceeds the detector's webhook limits; nothing was accepted", violations);
        }
        boolean custom = payload.environment() != null || payload.namespace() != null || payload.service() != null;
        return new NormalizedAlerts(alerts, ignored, custom ? "service" : "impactedEntities");
    }

    /** Each target with the entity it was read from; the custom template's fields win over the entity mapping. */
    private Map<TargetKey, String> targets(NewRelicPayload payload, List<String> ignored,
                                           List<FieldViolation> violations) {
        Map<TargetKey, String> targets = new LinkedHashMap<>();
        if (payload.environment() != null || payload.namespace() != null || payload.service() != null) {
            String environment = part("environment", payload.environment(), violations);
            String namespace = part("namespace", payload.namespace(), violations);
            String service = part("service", payload.service(), violations);
            if (violations.isEmpty()) {
                targets.put(new TargetKey(environment, namespace, service), "");
            }
            return targets;
        }
        List<String> impacted = payload.impactedEntities() == null ? List.of() : payload.impactedEntities();
        List<String> unknown = new ArrayList<>();
        for (String entity : impacted) {
            TargetKey target = entity == null ? null : entities.get(entity);
            if (target == null) {
                unknown.add(entity);
            } else {
                targets.putIfAbsent(target, entity);
            }
        }
        if (targets.isEmpty()) {
            violations.add(FieldViolation.body("impactedEntities", (impacted.isEmpty() ? "is empty"
                    : "names no entity mapped to a target (" + String.join(", ", unknown) + ")")
                    + ": map each entity in " + ENTITIES_KEY + ".\"<entity name>\"=<environment>/<namespace>/"
                    + "<service>, or add environment, namespace and service fields to the workflow's payload "
                    + "template (docs/alert-sources.md, section New Relic)"));
        } else if (!unknown.isEmpty()) {
            ignored.add("impacted entities not mapped to a target, so not alerted on: " + String.join(", ", unknown)
                    + " (map them in " + ENTITIES_KEY + " if Rewind should act on them)");
        }
        return targets;
    }

    private static String part(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isEmpty()) {
            violations.add(FieldViolation.body(field, "is missing: a template that names the target must send "
                    + "environment, namespace and service"));
            return value;
        }
        Dns1123Label.violation(value).ifPresent(rule -> violations.add(FieldViolation.body(field, rule)));
        return value;
    }

    /** The custom template's signal, else the first alert condition the configuration names, else the title. */
    private Signal signal(NewRelicPayload payload) {
        Signal explicit = classifier.classify(payload.signal(), null);
        if (explicit != Signal.UNKNOWN) {
            return explicit;
        }
        for (String condition : payload.alertConditionNames() == null ? List.<String>of()
                : payload.alertConditionNames()) {
            Signal signal = classifier.classify(null, condition);
            if (signal != Signal.UNKNOWN) {
                return signal;
            }
        }
        return classifier.classify(null, payload.title());
    }

    private static Map<String, String> labels(NewRelicPayload payload, String entity) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "entity", entity);
        put(labels, "priority", payload.priority());
        put(labels, "workflowName", payload.workflowName());
        put(labels, "trigger", payload.trigger());
        put(labels, "alertPolicyNames", join(payload.alertPolicyNames()));
        put(labels, "alertConditionNames", join(payload.alertConditionNames()));
        put(labels, "sources", join(payload.sources()));
        return labels;
    }

    private static Map<String, String> annotations(NewRelicPayload payload) {
        Map<String, String> annotations = new LinkedHashMap<>();
        put(annotations, "title", payload.title());
        put(annotations, "issueUrl", payload.issueUrl());
        put(annotations, "totalIncidents", payload.totalIncidents() == null ? null
                : payload.totalIncidents().toString());
        return annotations;
    }

    private static String join(List<String> values) {
        return values == null ? null : String.join(", ", values.stream().filter(v -> v != null).toList());
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static Map<String, TargetKey> parse(Map<String, String> entities) {
        Map<String, TargetKey> targets = new LinkedHashMap<>();
        entities.forEach((entity, target) -> {
            try {
                targets.put(entity, TargetKey.parse(target.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(ENTITIES_KEY + ".\"" + entity + "\" must be "
                        + "<environment>/<namespace>/<service>: " + e.getMessage(), e);
            }
        });
        return Map.copyOf(targets);
    }
}
