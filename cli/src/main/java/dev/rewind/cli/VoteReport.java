package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A counted vote in one line: the request's state now, who approved, what is still needed. */
public final class VoteReport {

    private VoteReport() {
    }

    /** The line of a {@code DecisionResult} answer. */
    public static String render(JsonNode result) {
        List<String> approvedBy = new ArrayList<>();
        result.path("approvedBy").forEach(name -> approvedBy.add(name.asText()));
        StringBuilder text = new StringBuilder("INCIDENT-").append(result.path("incidentNumber").asText("?"))
                .append(' ').append(result.path("target").asText("?"))
                .append(' ').append(result.path("severity").asText("?"))
                .append(": ").append(result.path("state").asText("?"));
        if (!approvedBy.isEmpty()) {
            text.append("; approved by ").append(String.join(", ", approvedBy));
        }
        String stillNeeded = result.path("stillNeeded").asText(null);
        if (stillNeeded != null && !stillNeeded.equals("none")) {
            text.append("; still needed: ").append(stillNeeded);
        }
        if (result.path("repeated").asBoolean(false)) {
            text.append(" (you had cast this vote already: nothing changed)");
        }
        return text.toString();
    }
}
