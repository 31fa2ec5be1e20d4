package dev.rewind.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The golden JSON fixtures, one per CloudEvents type, shipped to every consumer's tests in this module's test-jar.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The fixture JSON of an event record class. */
    public static String json(Class<? extends RewindEvent> eventClass) {
        return json(Topic.typeOf(eventClass));
    }

    /** The fixture JSON of a CloudEvents type. */
    public static String json(String type) {
        return resource("/fixtures/" + type + ".json");
    }

    /**
     * The JSON of an event record class as versions before 0.2 published it, for the records still in flight during
     * an upgrade that this version must read.
     */
    public static String legacy(Class<? extends RewindEvent> eventClass) {
        return resource("/fixtures/legacy/" + Topic.typeOf(eventClass) + ".json");
    }

    /** A vendor's payload exactly as the vendor sends it, e.g. {@code alertmanager-v4-firing}. */
    public static String wire(String name) {
        return resource("/fixtures/wire/" + name + ".json");
    }

    /**
     * The Alertmanager v4 firing fixture, about {@code target}: its labels name the target and, as Alertmanager
     * derives fingerprints from labels, its fingerprint is the target's own.
     */
    public static String alertmanagerFiring(TargetKey target) {
        try {
            ObjectNode payload = (ObjectNode)
                    EventJson.mapper().readTree(wire("alertmanager-v4-firing"));
            ObjectNode alert =
                    (ObjectNode) payload.at("/alerts/0");
            ObjectNode labels =
                    (ObjectNode) alert.get("labels");
            labels.put("environment", target.environment());
            labels.put("namespace", target.namespace());
            labels.put("service", target.service());
            alert.put("fingerprint", "fp-" + Integer.toHexString(target.toString().hashCode()));
            return payload.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = EventFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture parsed as its event. */
    public static <E extends RewindEvent> E event(Class<E> eventClass) {
        return EventJson.read(json(eventClass), eventClass);
    }

    /**
     * The fixture of an incident-scoped event about a test's own {@code incident} and {@code target}, with the fields
     * in {@code changes} (field name to value) changed.
     */
    public static <E extends IncidentScoped> E about(Class<E> eventClass, UUID incident, TargetKey target,
                                                     Map<String, Object> changes) {
        try {
            ObjectNode event = (ObjectNode) EventJson.mapper().readTree(json(eventClass));
            event.put("incidentId", incident.toString());
            event.put("target", target.toString());
            changes.forEach((field, value) -> event.set(field, EventJson.mapper().valueToTree(value)));
            return EventJson.read(event.toString(), eventClass);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
