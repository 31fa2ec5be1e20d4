package dev.rewind.notifier.pagerduty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;

/**
 * One planned PagerDuty delivery as stored with it: the event to post (everything but its routing key, a secret
 * added when sent so that it never lands in the database), or the resolution of whatever the incident paged.
 *
 * @param endpoint {@code /v2/enqueue} or {@code /v2/change/enqueue}; null for a resolution
 * @param level the escalation level whose routing key is used; null for the main routing key
 * @param event the Events API v2 body without {@code routing_key}; null for a resolution
 */
public record PagerDutyRequest(String endpoint, Integer level, ObjectNode event) {

    static final String ENQUEUE = "/v2/enqueue";
    static final String CHANGE = "/v2/change/enqueue";

    /** Resolves, once sent, every alert that this channel's earlier deliveries of the incident raised. */
    static PagerDutyRequest resolution() {
        return new PagerDutyRequest(null, null, null);
    }

    boolean resolves() {
        return event == null;
    }

    String toJson() {
        ObjectNode json = EventJson.mapper().createObjectNode();
        if (resolves()) {
            return json.put("resolve", true).toString();
        }
        json.put("endpoint", endpoint);
        if (level != null) {
            json.put("level", level);
        }
        json.set("event", event);
        return json.toString();
    }

    static PagerDutyRequest parse(String payload) {
        try {
            JsonNode json = EventJson.mapper().readTree(payload);
            if (json.path("resolve").asBoolean(false)) {
                return resolution();
            }
            return new PagerDutyRequest(json.path("endpoint").asText(),
                    json.hasNonNull("level") ? json.get("level").asInt() : null, (ObjectNode) json.get("event"));
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a PagerDuty delivery: " + payload, e);
        }
    }
}
