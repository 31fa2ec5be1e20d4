package dev.rewind.detector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/alert-event.schema.json, the contract of producers publishing straight to rewind.alerts, agrees with what
 * Rewind writes and reads: the golden fixtures and the events the adapters make validate, and every property the
 * schema requires is one Rewind's reader cannot do without (and no more).
 */
class AlertEventSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "alert-event.schema.json");
    private static final JsonNode DOCUMENT = parse(read(SCHEMA));
    private static final Map<Class<? extends AlertEvent>, String> DEFINITION =
            Map.of(AlertFired.class, "AlertFired", AlertResolved.class, "AlertResolved");

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theGoldenFixtureOfEachTypeValidates(Class<? extends AlertEvent> type) {
        JsonNode fixture = parse(EventFixtures.json(type));

        assertThat(errors(schema(), fixture)).isEmpty();
        assertThat(errors(definition(type), fixture)).isEmpty();
    }

    @Test
    void whatRewindWritesValidatesWithItsOptionalPropertiesLeftOut() {
        TargetKey target = new TargetKey("production", "payments", "checkout");
        Instant now = Instant.parse("2026-11-15T14:25:00Z");
        AlertEvent fired = new AlertFired(UUID.randomUUID(), "datadog", "4211-1763216700000", target, null, null,
                null, null, null, null, now, now);
        AlertEvent resolved = new AlertResolved(UUID.randomUUID(), "datadog", "4211-1763216700000", target, null,
                null, now, now);

        assertThat(errors(definition(AlertFired.class), parse(EventJson.write(fired)))).isEmpty();
        assertThat(errors(definition(AlertResolved.class), parse(EventJson.write(resolved)))).isEmpty();
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("properties")
    void theSchemaRequiresExactlyWhatTheReaderRequires(Class<? extends AlertEvent> type, String property,
                                                       boolean required) {
        ObjectNode event = (ObjectNode) parse(EventFixtures.json(type));
        event.remove(property);

        assertThat(errors(definition(type), event).isEmpty()).as("valid without " + property).isEqualTo(!required);
        if (required) {
            assertThatThrownBy(() -> Topics.ALERTS.parse(Topics.ALERTS.typeOf(type), event.toString()));
        } else {
            assertThatCode(() -> Topics.ALERTS.parse(Topics.ALERTS.typeOf(type), event.toString()))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByBoth")
    void whatTheReaderRefusesTheSchemaRefuses(String what, String property, Object value) {
        ObjectNode event = (ObjectNode) parse(EventFixtures.json(AlertFired.class));
        event.set(property, EventJson.mapper().valueToTree(value));

        assertThat(errors(schema(), event)).isNotEmpty();
        assertThatThrownBy(() -> EventJson.read(event.toString(), AlertFired.class));
    }

    @Test
    void anRfc3339TimeWithAnOffsetIsValidAndRead() {
        ObjectNode event = (ObjectNode) parse(EventFixtures.json(AlertFired.class));
        event.put("startsAt", "2026-11-15T15:25:00+01:00");

        assertThat(errors(schema(), event)).isEmpty();
        assertThat(EventJson.read(event.toString(), AlertFired.class).startsAt())
                .isEqualTo(Instant.parse("2026-11-15T14:25:00Z"));
    }

    @Test
    void labelValuesMustBeStrings() {
        ObjectNode event = (ObjectNode) parse(EventFixtures.json(AlertFired.class));
        ((ObjectNode) event.get("labels")).put("replicas", 3);

        assertThat(errors(schema(), event)).anySatisfy(error -> assertThat(error.toString()).contains("replicas"));
    }

    @Test
    void theSignalsAreTheDecisionMatrixRows() {
        List<String> listed = StreamSupport.stream(DOCUMENT.at("/$defs/signal/enum").spliterator(), false)
                .map(JsonNode::asText).toList();

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Signal.values()).map(Enum::name).toList());
    }

    static List<Class<? extends AlertEvent>> types() {
        return List.of(AlertFired.class, AlertResolved.class);
    }

    static List<Arguments> properties() {
        return types().stream().flatMap(type -> {
            JsonNode definition = DOCUMENT.at("/$defs/" + DEFINITION.get(type));
            Set<String> required = StreamSupport.stream(definition.get("required").spliterator(), false)
                    .map(JsonNode::asText).collect(java.util.stream.Collectors.toSet());
            return StreamSupport.stream(((Iterable<String>) () -> definition.get("properties").fieldNames())
                    .spliterator(), false).map(name -> Arguments.of(type, name, required.contains(name)));
        }).toList();
    }

    static List<Arguments> refusedByBoth() {
        return List.of(
                Arguments.of("a target that is no environment/namespace/service", "target", "payments/checkout"),
                Arguments.of("an upper-case target", "target", "Production/payments/checkout"),
                Arguments.of("a blank source", "source", " "),
                Arguments.of("an unknown signal", "signal", "OUTAGE"),
                Arguments.of("an alert id that is no UUID", "alertId", "alert-1"),
                Arguments.of("a time that is no RFC 3339 timestamp", "occurredAt", "yesterday"));
    }

    private static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(DOCUMENT);
    }

    /** The schema of one type: the document with its anyOf narrowed to that type's definition. */
    private static JsonSchema definition(Class<? extends AlertEvent> type) {
        ObjectNode narrowed = DOCUMENT.deepCopy();
        ArrayNode only = narrowed.putArray("anyOf");
        only.addObject().put("$ref", "#/$defs/" + DEFINITION.get(type));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(narrowed);
    }

    private static Set<ValidationMessage> errors(JsonSchema schema, JsonNode event) {
        return schema.validate(event);
    }

    private static JsonNode parse(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
