package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The incident list as a table: number, severity, status, target, when it opened, its deadline, and why. */
public final class IncidentTable {

    private static final int REASON_WIDTH = 60;

    private IncidentTable() {
    }

    /** The table of a page's {@code items}, the time left to each deadline counted from {@code now}. */
    public static String render(JsonNode items, Instant now) {
        Table table = new Table("INCIDENT", "SEV", "STATUS", "TARGET", "OPENED (UTC)", "DEADLINE", "REASON");
        for (JsonNode incident : items) {
            table.row(number(incident), text(incident, "severity"), text(incident, "status"),
                    text(incident, "target"), TextTime.utc(TextTime.instant(text(incident, "openedAt"))),
                    deadline(incident, now), shortened(text(incident, "reason")));
        }
        return table.render("");
    }

    /**
     * The deadline's state in words: {@code 12m left} while pending, {@code overdue 1m} when this clock is past it,
     * {@code met (4m29s)} with the time to roll back, {@code missed}, or {@code -} where no deadline applies.
     */
    static String deadline(JsonNode incident, Instant now) {
        String state = text(incident, "deadline");
        if (state == null) {
            return null;
        }
        Duration toRollBack = TextTime.duration(text(incident, "timeToRollBack"));
        return switch (state) {
            case "PENDING" -> {
                Instant due = TextTime.instant(text(incident, "deadlineAt"));
                if (due == null) {
                    yield "pending";
                }
                Duration left = Duration.between(now, due);
                yield left.isNegative() ? "overdue " + TextTime.duration(left.negated())
                        : TextTime.duration(left) + " left";
            }
            case "MET" -> toRollBack == null ? "met" : "met (" + TextTime.duration(toRollBack) + ")";
            case "MISSED" -> toRollBack == null ? "missed" : "missed (" + TextTime.duration(toRollBack) + ")";
            case "NOT_APPLICABLE" -> null;
            default -> state.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code INCIDENT-12}, or the id when the incident has no number yet. */
    static String number(JsonNode incident) {
        JsonNode number = incident.path("number");
        return number.canConvertToLong() ? "INCIDENT-" + number.asLong() : text(incident, "id");
    }

    private static String shortened(String reason) {
        if (reason == null) {
            return null;
        }
        String line = reason.replaceAll("\\s+", " ").strip();
        return line.length() > REASON_WIDTH ? line.substring(0, REASON_WIDTH - 3) + "..." : line;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
