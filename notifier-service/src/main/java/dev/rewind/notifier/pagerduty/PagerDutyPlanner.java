package dev.rewind.notifier.pagerduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.domain.IncidentContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What PagerDuty is told about each notice: a page when a severe incident opens, when an approval waits on the
 * on-call engineer and when an incident reaches an escalation level with its own routing key; a change event for
 * every rollback; the pages resolved once the rollback is verified. Pure: no I/O.
 */
public final class PagerDutyPlanner {

    /** The incident's page; its {@code dedup_key} is the incident id, so PagerDuty keeps one alert per incident. */
    static final String TRIGGER = "trigger";
    static final String APPROVAL_TRIGGER = "approval-trigger";
    static final String CHANGE = "change";
    static final String RESOLVE = "resolve";
    static final String ESCALATED = "escalated-";

    static final int MAX_SUMMARY = 1024;
    static final int MAX_DEDUP_KEY = 255;

    /** The runbook's escalation path, by level. */
    private static final List<String> LEVELS =
            List.of("development team", "DevOps", "engineering leadership", "executives");

    private final PagerDutyRules rules;

    public PagerDutyPlanner(PagerDutyRules rules) {
        this.rules = rules;
    }

    public List<Outgoing> plan(Notice notice) {
        IncidentContext incident = notice.incident();
        if (!rules.hears(incident.target().environment())) {
            return List.of();
        }
        Optional<Outgoing> outgoing = switch (notice.kind()) {
            case OPENED -> opened((IncidentOpened) notice.event(), incident);
            case APPROVAL_NEEDED -> approvalNeeded((ApprovalRequested) notice.event(), incident);
            case STARTED -> Optional.of(change((RollbackStarted) notice.event(), incident));
            case SUCCEEDED -> rules.mayHavePaged(incident.severity())
                    ? Optional.of(new Outgoing(RESOLVE, "PagerDuty alerts resolved: rollback verified (PagerDuty)",
                    PagerDutyRequest.resolution().toJson()))
                    : Optional.empty();
            case ESCALATED -> escalated((IncidentEscalated) notice.event(), incident);
            default -> Optional.empty();
        };
        return outgoing.map(List::of).orElse(List.of());
    }

    /** The {@code dedup_key} of the incident's page, or of its page at an escalation level (null for none). */
    static String dedupKey(UUID incidentId, Integer level) {
        String key = level == null ? incidentId.toString() : incidentId + "-level-" + level;
        return key.length() > MAX_DEDUP_KEY ? key.substring(0, MAX_DEDUP_KEY) : key;
    }

    /** An alert this channel raised for an incident: its {@code dedup_key}, on the main or a level's routing key. */
    record Raised(Integer level, String dedupKey) {
    }

    /**
     * The alerts the incident's earlier deliveries raised, by their references ({@code dedup_key}s): what its
     * resolution resolves. A page that failed for good is not in {@code earlier}, so nothing is resolved for it.
     */
    static List<Raised> raised(SentBefore earlier) {
        List<Raised> raised = new ArrayList<>();
        earlier.references().forEach((notification, dedupKey) -> {
            Raised alert = null;
            if (notification.equals(TRIGGER) || notification.equals(APPROVAL_TRIGGER)) {
                alert = new Raised(null, dedupKey);
            } else if (notification.startsWith(ESCALATED)) {
                alert = new Raised(Integer.valueOf(notification.substring(ESCALATED.length())), dedupKey);
            }
            if (alert != null && !raised.contains(alert)) {
                raised.add(alert);
            }
        });
        return raised;
    }

    /** PagerDuty's severity for a Rewind severity: P0 critical, P1 error, P2 warning, P3 info. */
    static String severityOf(Severity severity) {
        if (severity == null) {
            return "error"; // an escalation of an incident whose opening the notifier never saw: still urgent
        }
        return switch (severity) {
            case P0 -> "critical";
            case P1 -> "error";
            case P2 -> "warning";
            case P3 -> "info";
        };
    }

    private Optional<Outgoing> opened(IncidentOpened opened, IncidentContext incident) {
        if (!rules.severities().contains(opened.severity())) {
            return Optional.empty();
        }
        String summary = "[" + opened.severity() + "] " + name(incident) + ": " + where(opened.target()) + ": "
                + opened.reason();
        ObjectNode details = details(opened.incidentId(), incident);
        details.put("signal", opened.signal().name());
        putIfKnown(details, "running_version", opened.version());
        ObjectNode event = trigger(dedupKey(opened.incidentId(), null), summary, opened.target(), opened.severity(),
                opened.occurredAt(), details);
        ((ObjectNode) event.get("payload")).put("class", opened.signal().name().toLowerCase(Locale.ROOT));
        return Optional.of(new Outgoing(TRIGGER, "On-call engineer paged (PagerDuty)",
                new PagerDutyRequest(PagerDutyRequest.ENQUEUE, null, event).toJson()));
    }

    private Optional<Outgoing> approvalNeeded(ApprovalRequested asked, IncidentContext incident) {
        Set<String> roles = asked.approvals().stream().flatMap(List::stream).collect(Collectors.toSet());
        if (roles.stream().noneMatch(rules.approvalRoles()::contains)) {
            return Optional.empty();
        }
        String who = asked.approvals().stream().map(any -> String.join(" or ", any))
                .collect(Collectors.joining(", then "));
        String summary = "[" + asked.severity() + "] " + name(incident) + ": rollback of " + where(asked.target())
                + " awaits approval by " + who + " (decide by " + asked.deadline() + ")"
                + (incident.reason() == null ? "" : ": " + incident.reason());
        ObjectNode details = details(asked.incidentId(), incident);
        details.put("approval_request", asked.requestId().toString());
        details.set("approvals", EventJson.mapper().valueToTree(asked.approvals()));
        details.set("may_not_approve", EventJson.mapper().valueToTree(asked.excluded()));
        details.put("decide_by", asked.deadline().toString());
        ObjectNode event = trigger(dedupKey(asked.incidentId(), null), summary, asked.target(), asked.severity(),
                asked.occurredAt(), details);
        ((ObjectNode) event.get("payload")).put("class", "approval");
        return Optional.of(new Outgoing(APPROVAL_TRIGGER, "On-call engineer paged for approval (PagerDuty)",
                new PagerDutyRequest(PagerDutyRequest.ENQUEUE, null, event).toJson()));
    }

    private Optional<Outgoing> escalated(IncidentEscalated escalated, IncidentContext incident) {
        int level = escalated.level();
        if (!rules.escalationLevels().contains(level)) {
            return Optional.empty();
        }
        String path = "level " + level + " (" + LEVELS.get(level - 1) + ")";
        String summary = (incident.severity() == null ? "" : "[" + incident.severity() + "] ") + name(incident)
                + " escalated to " + path + ": " + where(escalated.target()) + ": " + escalated.reason();
        ObjectNode details = details(escalated.incidentId(), incident);
        details.put("escalation_level", level);
        details.put("escalation_reason", escalated.reason());
        ObjectNode event = trigger(dedupKey(escalated.incidentId(), level), summary, escalated.target(),
                incident.severity(), escalated.occurredAt(), details);
        ((ObjectNode) event.get("payload")).put("class", "escalation");
        return Optional.of(new Outgoing(ESCALATED + level, "Escalation " + path + " paged (PagerDuty)",
                new PagerDutyRequest(PagerDutyRequest.ENQUEUE, level, event).toJson()));
    }

    private Outgoing change(RollbackStarted started, IncidentContext incident) {
        String versions = started.fromVersion() == null && started.toVersion() == null ? ""
                : " from " + orUnknown(started.fromVersion()) + " to " + orUnknown(started.toVersion());
        String summary = "Rollback of " + where(started.target()) + versions + " (" + name(incident)
                + (incident.severity() == null ? "" : ", " + incident.severity()) + ")";
        ObjectNode details = details(started.incidentId(), incident);
        details.put("method", started.method().name());
        details.put("execution", started.executionId().toString());
        putIfKnown(details, "from_revision", started.fromRevision() == null ? null : started.fromRevision().toString());
        putIfKnown(details, "to_revision", started.toRevision() == null ? null : started.toRevision().toString());
        putIfKnown(details, "triggered_by", incident.triggeredBy());
        ObjectNode event = EventJson.mapper().createObjectNode();
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", truncate(summary));
        payload.put("source", started.target().toString());
        payload.put("timestamp", started.occurredAt().toString());
        payload.set("custom_details", details);
        links(event);
        return new Outgoing(CHANGE, "Rollback recorded as a change (PagerDuty)",
                new PagerDutyRequest(PagerDutyRequest.CHANGE, null, event).toJson());
    }

    private ObjectNode trigger(String dedupKey, String summary, TargetKey target, Severity severity,
                               Instant timestamp, ObjectNode details) {
        ObjectNode event = EventJson.mapper().createObjectNode();
        event.put("event_action", "trigger");
        event.put("dedup_key", dedupKey);
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", truncate(summary));
        payload.put("source", target.toString());
        payload.put("severity", severityOf(severity));
        payload.put("timestamp", timestamp.toString());
        payload.put("component", target.service());
        payload.put("group", target.namespace());
        payload.set("custom_details", details);
        links(event);
        event.put("client", rules.clientName());
        rules.clientUrl().ifPresent(url -> event.put("client_url", url));
        return event;
    }

    private void links(ObjectNode event) {
        rules.clientUrl().ifPresent(url -> event.putArray("links").addObject().put("href", url)
                .put("text", rules.clientName()));
    }

    /** What every alert and change carries: the incident (number and id), where, and the versions when known. */
    private static ObjectNode details(UUID incidentId, IncidentContext incident) {
        ObjectNode details = EventJson.mapper().createObjectNode();
        putIfKnown(details, "incident", incident.incidentNumber() == null ? null
                : "INCIDENT-" + incident.incidentNumber());
        details.put("incident_id", incidentId.toString());
        details.put("environment", incident.target().environment());
        details.put("namespace", incident.target().namespace());
        details.put("service", incident.target().service());
        putIfKnown(details, "severity", incident.severity() == null ? null : incident.severity().name());
        putIfKnown(details, "reason", incident.reason());
        putIfKnown(details, "from_version", incident.fromVersion());
        putIfKnown(details, "to_version", incident.toVersion());
        return details;
    }

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String name(IncidentContext incident) {
        return incident.incidentNumber() == null ? "Incident" : "INCIDENT-" + incident.incidentNumber();
    }

    private static String where(TargetKey target) {
        return target.namespace() + "/" + target.service() + " in " + target.environment();
    }

    private static String orUnknown(String version) {
        return version == null ? "an unknown version" : version;
    }

    static String truncate(String summary) {
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
