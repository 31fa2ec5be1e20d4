package dev.rewind.notifier.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;

/**
 * One planned Statuspage delivery as stored with it: open the incident (POST), or update the one opened (PATCH).
 *
 * @param body the {@code {"incident": {...}}} body, exactly as sent
 */
public record StatuspageRequest(boolean opens, ObjectNode body) {

    String toJson() {
        ObjectNode json = EventJson.mapper().createObjectNode();
        json.put("method", opens ? "POST" : "PATCH");
        json.set("body", body);
        return json.toString();
    }

    static StatuspageRequest parse(String payload) {
        try {
            JsonNode json = EventJson.mapper().readTree(payload);
            return new StatuspageRequest("POST".equals(json.path("method").asText()), (ObjectNode) json.get("body"));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a Statuspage delivery: " + payload, e);
        }
    }
}
