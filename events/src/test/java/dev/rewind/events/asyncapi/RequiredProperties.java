package dev.rewind.events.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.EventParseException;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.request.Hold;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which properties of each event record (and of the records inside them) a consumer cannot do without, found the way
 * a consumer finds out: each property is left out of a golden fixture in turn, and the ones whose absence makes
 * EventJson refuse the event are required. Defaults (a missing signal is UNKNOWN, a missing list is empty, a missing
 * number is 0) are thus not required, exactly as the records' constructors decide.
 */
final class RequiredProperties {

    /**
     * Nested records the golden fixtures leave out (a fixture shared by every service's tests would change what they
     * test): a sample of each is put into a copy of the fixture before probing.
     */
    private static final Map<Class<?>, String> SAMPLES = Map.of(
            Hold.class, "{\"code\": \"COOLDOWN\", \"reason\": \"rolled back 10 minutes ago\"}");

    private final Map<Class<?>, Set<String>> required = new HashMap<>();

    private RequiredProperties() {
    }

    /** Probes every CloudEvents type's golden fixture. */
    static RequiredProperties fromGoldenFixtures() {
        RequiredProperties properties = new RequiredProperties();
        for (Topic<?> topic : Topics.ALL) {
            for (String type : topic.types()) {
                ObjectNode fixture = tree(EventFixtures.json(type));
                properties.probe(topic, type, fixture, topic.classOf(type), fixture);
            }
        }
        return properties;
    }

    /** The required properties of {@code record}; fails when no fixture holds one, as nothing could be probed. */
    Set<String> of(Class<?> record) {
        Set<String> names = required.get(record);
        if (names == null) {
            throw new IllegalStateException("no golden fixture (events/src/test/resources/fixtures) contains a "
                    + record.getName() + ": add one to a fixture, so that its required properties can be found");
        }
        return names;
    }

    /** Probes {@code node}, the JSON of a {@code record} somewhere inside {@code fixture}, then what it contains. */
    private void probe(Topic<?> topic, String type, ObjectNode fixture, Class<?> record, ObjectNode node) {
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = nestedRecord(component);
            if (nested != null && !node.has(component.getName()) && SAMPLES.containsKey(nested)) {
                node.set(component.getName(), tree(SAMPLES.get(nested)));
            }
        }
        Set<String> requiredHere = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            if (!node.has(name)) {
                continue;
            }
            JsonNode saved = node.remove(name);
            if (!parses(topic, type, fixture)) {
                requiredHere.add(name);
            }
            node.set(name, saved);
        }
        // Required only where every occurrence needs it.
        required.merge(record, requiredHere, (before, now) -> {
            Set<String> both = new LinkedHashSet<>(before);
            both.retainAll(now);
            return both;
        });
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode value = node.get(component.getName());
            Class<?> nested = nestedRecord(component);
            if (nested == null || value == null) {
                continue;
            }
            if (value.isObject()) {
                probe(topic, type, fixture, nested, (ObjectNode) value);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                probe(topic, type, fixture, nested, (ObjectNode) value.get(0));
            }
        }
    }

    /** The record a component holds, itself or as a list's elements; null for anything else. */
    private static Class<?> nestedRecord(RecordComponent component) {
        Class<?> type = component.getType();
        if (List.class.isAssignableFrom(type) && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            type = element;
        }
        return type.isRecord() && type != TargetKey.class ? type : null;
    }

    private static boolean parses(Topic<?> topic, String type, ObjectNode fixture) {
        try {
            topic.parse(type, fixture.toString());
            return true;
        } catch (EventParseException e) {
            return false;
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a golden fixture is not JSON", e);
        }
    }
}
