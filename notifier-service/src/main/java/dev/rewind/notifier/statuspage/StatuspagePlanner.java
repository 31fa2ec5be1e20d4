package dev.rewind.notifier.statuspage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.List;
import java.util.Optional;

/**
 * What the public status page says about each notice: an incident opened for a severe production incident, updated
 * as the rollback goes, resolved once it is verified. Customers read it: it never names versions, diagnoses or
 * internal incident numbers. Pure: no I/O.
 */
public final class StatuspagePlanner {

    /** The first delivery of an incident; its reference is the Statuspage incident id the updates patch. */
    static final String OPEN = "incident-opened";

    static final String INVESTIGATING = "investigating";
    static final String IDENTIFIED = "identified";
    static final String RESOLVED = "resolved";
    static final String OPERATIONAL = "operational";

    static final String INVESTIGATING_BODY =
            "We are currently investigating this issue and will post an update as soon as we know more.";
    static final String ROLLING_BACK =
            "We have identified the cause and are rolling back a recent change to restore service.";
    static final String RECOVERED = "The change has been rolled back and the service has recovered. "
            + "This incident has been resolved.";
    static final String STILL_WORKING = "Our engineers are still working on restoring service. "
            + "We will post another update soon.";

    private final StatuspageRules rules;

    public StatuspagePlanner(StatuspageRules rules) {
        this.rules = rules;
    }

    public List<Outgoing> plan(Notice notice) {
        IncidentContext incident = notice.incident();
        if (!rules.shows(incident.target(), incident.severity())) {
            return List.of();
        }
        Optional<Outgoing> outgoing = switch (notice.kind()) {
            case OPENED -> Optional.of(open((IncidentOpened) notice.event()));
            case STARTED -> update(notice, IDENTIFIED, ROLLING_BACK, null,
                    "Status page updated: rollback under way (Statuspage)");
            case SUCCEEDED -> update(notice, RESOLVED, RECOVERED, OPERATIONAL,
                    "Status page incident resolved (Statuspage)");
            case FAILED, UNVERIFIED -> update(notice, IDENTIFIED, STILL_WORKING, null,
                    "Status page updated: engineers still working on it (Statuspage)");
            default -> Optional.empty();
        };
        return outgoing.map(List::of).orElse(List.of());
    }

    /** Statuspage's impact for a severity: P0 critical, P1 major, P2 minor, P3 none. */
    static String impactOf(Severity severity) {
        return switch (severity) {
            case P0 -> "critical";
            case P1 -> "major";
            case P2 -> "minor";
            case P3 -> "none";
        };
    }

    /** The state a component is shown in while an incident of {@code severity} lasts. */
    static String componentStatusOf(Severity severity) {
        return switch (severity) {
            case P0 -> "major_outage";
            case P1 -> "partial_outage";
            case P2, P3 -> "degraded_performance";
        };
    }

    /** The incident's public title: what customers notice, never what broke inside. */
    static String titleOf(Signal signal) {
        return switch (signal) {
            case HEALTH_CHECK_FAILING -> "Service unavailable";
            case ERROR_RATE -> "Elevated error rates";
            case LATENCY -> "Slow responses";
            case RESOURCE_SATURATION -> "Degraded performance";
            case MINOR_BUG, NON_CRITICAL_FEATURE -> "Some features not working as expected";
            // a vulnerability or a failed migration is not the public's business: a neutral title
            case SECURITY_VULNERABILITY, MIGRATION_FAILED, UNKNOWN -> "Service disruption";
        };
    }

    private Outgoing open(IncidentOpened opened) {
        String title = titleOf(opened.signal());
        ObjectNode incident = incident(title, INVESTIGATING, INVESTIGATING_BODY);
        incident.put("impact_override", impactOf(opened.severity()));
        components(incident, opened.target(), componentStatusOf(opened.severity()));
        return new Outgoing(OPEN, "Status page incident opened (Statuspage)",
                new StatuspageRequest(true, body(incident)).toJson());
    }

    private Optional<Outgoing> update(Notice notice, String status, String message, String componentStatus,
                                      String summary) {
        ObjectNode incident = incident(null, status, message);
        if (componentStatus != null) {
            components(incident, notice.incident().target(), componentStatus);
        }
        return Optional.of(new Outgoing(notice.notification(), summary,
                new StatuspageRequest(false, body(incident)).toJson()));
    }

    private ObjectNode incident(String name, String status, String message) {
        ObjectNode incident = EventJson.mapper().createObjectNode();
        if (name != null) {
            incident.put("name", name);
        }
        incident.put("status", status);
        incident.put("body", message);
        incident.put("deliver_notifications", rules.deliverNotifications());
        return incident;
    }

    private void components(ObjectNode incident, TargetKey target, String status) {
        Optional<String> component = rules.componentOf(target);
        incident.putArray("component_ids").addAll(component.map(id -> List.of(incident.textNode(id)))
                .orElse(List.of()));
        ObjectNode states = incident.putObject("components");
        component.ifPresent(id -> states.put(id, status));
    }

    private static ObjectNode body(ObjectNode incident) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.set("incident", incident);
        return body;
    }
}
