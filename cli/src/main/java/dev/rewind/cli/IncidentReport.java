package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One incident as text: what, where and how it stands, then its timeline with each entry's offset from detection. */
public final class IncidentReport {

    private static final String NL = System.lineSeparator();

    private IncidentReport() {
    }

    /** The report of an incident's whole record, as {@code GET /api/v1/incidents/{id}} answers it. */
    public static String render(JsonNode incident) {
        StringBuilder text = new StringBuilder();
        text.append(String.join("  ", nonNull(IncidentTable.number(incident), IncidentTable.text(incident, "target"),
                IncidentTable.text(incident, "severity"), IncidentTable.text(incident, "status")))).append(NL);
        Instant detected = TextTime.instant(incident.path("times").path("detectedAt").asText(null));
        Instant opened = TextTime.instant(IncidentTable.text(incident, "openedAt"));
        Instant origin = detected != null ? detected : opened;
        Table facts = new Table();
        fact(facts, "Reason", IncidentTable.text(incident, "reason"));
        fact(facts, "Signal", IncidentTable.text(incident, "signal"));
        fact(facts, "Detected", origin == null ? null : TextTime.utc(origin));
        fact(facts, "Release", release(incident.path("versions")));
        fact(facts, "Requested", requested(incident.path("request")));
        fact(facts, "Decision", decision(incident.path("decision")));
        for (JsonNode vote : incident.path("approvals")) {
            fact(facts, "Approval", vote(vote));
        }
        fact(facts, "Deadline", deadline(incident.path("deadline")));
        fact(facts, "Durations", durations(incident.path("durations")));
        JsonNode failure = incident.path("failure");
        fact(facts, "Failure", failure.isObject() ? failure.path("reason").asText(null) : null);
        text.append(facts.render("  "));
        text.append(NL).append("Timeline").append(origin == null ? "" : " (offsets from detection)").append(NL);
        Table timeline = new Table();
        for (JsonNode entry : incident.path("timeline")) {
            Instant at = TextTime.instant(entry.path("occurredAt").asText(null));
            timeline.row(TextTime.utc(at), at == null || origin == null ? null
                            : TextTime.offset(Duration.between(origin, at)), entry.path("kind").asText(null),
                    entry.path("summary").asText(null));
        }
        String lines = timeline.render("  ");
        text.append(lines.isEmpty() ? "  (no entries yet)" + NL : lines);
        return text.toString();
    }

    private static void fact(Table facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.row(name + ":", value);
        }
    }

    private static String release(JsonNode versions) {
        String from = versions.path("fromVersion").asText(null);
        String to = versions.path("toVersion").asText(null);
        if (from == null && to == null) {
            return null;
        }
        String method = versions.path("method").asText(null);
        return (from == null ? "?" : from) + " -> " + (to == null ? "?" : to)
                + (method == null ? "" : " (" + method.toLowerCase(Locale.ROOT) + ")");
    }

    private static String requested(JsonNode request) {
        String by = request.path("requestedBy").asText(null);
        if (by == null) {
            return null;
        }
        String mode = request.path("mode").asText(null);
        String held = request.path("heldBy").asText(null);
        return "by " + by + (mode == null ? "" : " (" + mode + ")") + (held == null ? "" : ", held by " + held + ": "
                + request.path("holdReason").asText(""));
    }

    private static String decision(JsonNode decision) {
        String outcome = decision.path("outcome").asText(null);
        if (outcome == null) {
            return null;
        }
        String reason = decision.path("reason").asText(null);
        return outcome + (reason == null ? "" : ": " + reason);
    }

    private static String vote(JsonNode vote) {
        String channel = vote.path("channel").asText(null);
        String comment = vote.path("comment").asText(null);
        return vote.path("verdict").asText("?") + " by " + vote.path("by").asText("?")
                + (channel == null ? "" : " via " + channel)
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
    }

    private static String deadline(JsonNode deadline) {
        Duration limit = TextTime.duration(deadline.path("limit").asText(null));
        String state = deadline.path("state").asText(null);
        if (limit == null || state == null) {
            return null;
        }
        Instant due = TextTime.instant(deadline.path("dueAt").asText(null));
        return TextTime.duration(limit) + (due == null ? "" : ", due " + TextTime.utc(due)) + ", " + state;
    }

    private static String durations(JsonNode durations) {
        List<String> parts = new ArrayList<>();
        part(parts, "to approve", durations.path("toApprove"));
        part(parts, "to roll back", durations.path("toRollBack"));
        part(parts, "rollout", durations.path("rollout"));
        part(parts, "to recover", durations.path("toRecover"));
        part(parts, "impact", durations.path("impact"));
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static void part(List<String> parts, String name, JsonNode iso) {
        Duration duration = TextTime.duration(iso.asText(null));
        if (duration != null) {
            parts.add(name + " " + TextTime.duration(duration));
        }
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }
}
