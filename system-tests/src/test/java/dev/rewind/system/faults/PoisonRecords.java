package dev.rewind.system.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.CloudEventHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records no Rewind consumer can process, as a broken producer or a person with a console producer writes them:
 * each must land in the topic's dead-letter topic with a reason that says what is wrong, once per consumer group.
 */
final class PoisonRecords {

    /**
     * One poison record.
     *
     * @param reason what the dead-letter reason must contain
     * @param key    the record key (null: none)
     * @param value  the record value (null: a tombstone)
     */
    record Poison(String name, String reason, String key, String value, Map<String, String> headers) {
    }

    /** The kinds, for the report. */
    static final List<String> KINDS = List.of("no headers", "unknown CloudEvents type", "invalid JSON",
            "no key", "tombstone (no value)", "100k nested objects");

    private PoisonRecords() {
    }

    /**
     * The poison records for {@code topic}: keyed by {@code target} (so that they sit in front of its good input on
     * its partition), except the keyless one, a valid event about {@code decoy} (a target nothing runs).
     */
    static List<Poison> of(Topic<?> topic, TargetKey target, TargetKey decoy) {
        String type = topic.types().iterator().next();
        String key = target.toString();
        String valid = about(type, target);
        return List.of(
                new Poison("no headers", "missing CloudEvents id", key, valid, Map.of()),
                new Poison("unknown CloudEvents type", "unknown CloudEvents type 'dev.rewind.hostile.v1'", key, valid,
                        headers("dev.rewind.hostile.v1")),
                new Poison("invalid JSON", "was expecting double-quote", key,
                        "{\"hostile\": \"" + target.service() + "\", not json",
                        headers(type)),
                new Poison("no key", "record key", null, about(type, decoy), headers(type)),
                new Poison("tombstone (no value)", "empty payload", key, null, headers(type)),
                new Poison("100k nested objects", "nesting depth", key, "{\"a\":".repeat(HostileBodies.DEPTH) + "1"
                        + "}".repeat(HostileBodies.DEPTH), headers(type)));
    }

    /** The fixture event of {@code type}, about {@code target} and an incident of its own. */
    private static String about(String type, TargetKey target) {
        try {
            ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(type));
            event.put("target", target.toString());
            if (event.has("incidentId")) {
                event.put("incidentId", UUID.randomUUID().toString());
            }
            return event.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new HashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, "/rewind/fault-suite/hostile");
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        return headers;
    }
}
