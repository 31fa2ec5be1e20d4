package dev.rewind.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An error answer's problem details (RFC 9457, application/problem+json): title, detail, the fields at fault
 * ({@code violations}) and the open incident a refused rollback request names.
 */
public record Problem(String title, String detail, List<String> violations, Long incidentNumber) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The problem in {@code body}, or null when the body is not one (empty, HTML, plain text). */
    public static Problem parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject() || !(node.has("title") || node.has("detail"))) {
            return null;
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode violation : node.path("violations")) {
            String field = violation.path("field").asText("");
            String message = violation.path("message").asText("");
            violations.add(field.isEmpty() ? message : field + ": " + message);
        }
        JsonNode number = node.path("incidentNumber");
        return new Problem(text(node, "title"), text(node, "detail"), List.copyOf(violations),
                number.canConvertToLong() ? number.asLong() : null);
    }

    /** "detail", else the title; then each violation the detail does not already name, and the open incident. */
    public String describe() {
        StringBuilder text = new StringBuilder(detail != null ? detail : title != null ? title : "no detail given");
        for (String violation : violations) {
            if (detail == null || !detail.contains(violation)) {
                text.append(System.lineSeparator()).append("  ").append(violation);
            }
        }
        if (incidentNumber != null) {
            text.append(System.lineSeparator()).append("  open incident: INCIDENT-").append(incidentNumber)
                    .append(" (rewind incident ").append(incidentNumber).append(')');
        }
        return text.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
