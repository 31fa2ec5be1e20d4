package dev.rewind.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.request.RollbackRequested;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    static Stream<Arguments> everyEventType() {
        return Topics.ALL.stream().flatMap(topic -> topic.types().stream().map(type -> Arguments.of(topic, type)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyEventType")
    void goldenFixtureRoundTripsUnchanged(Topic<?> topic, String type) throws Exception {
        String fixture = EventFixtures.json(type);

        RewindEvent event = topic.parse(type, fixture);
        String written = EventJson.write(event);

        JsonNode expected = EventJson.mapper().readTree(fixture);
        JsonNode actual = EventJson.mapper().readTree(written);
        assertThat(actual).isEqualTo(expected);
        assertThat(event.getClass()).isEqualTo(topic.classOf(type));
        assertThat(topic.eventClass()).isAssignableFrom(event.getClass());
    }

    @Test
    void everyTypeFollowsTheNamingScheme() {
        assertThat(Topics.ALL.stream().flatMap(t -> t.types().stream()))
                .hasSize(24)
                .allMatch(type -> type.matches("dev\\.rewind\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void unknownPropertiesAreIgnoredSoProducersCanAddFields() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(RollbackRequested.class));
        tree.put("addedByANewerProducer", "anything");

        RollbackRequested parsed = EventJson.read(tree.toString(), RollbackRequested.class);

        assertThat(parsed).isEqualTo(EventFixtures.event(RollbackRequested.class));
    }

    @Test
    void instantsAreWrittenAsIso8601Utc() throws Exception {
        RollbackStarted started = EventFixtures.event(RollbackStarted.class);

        JsonNode json = EventJson.mapper().readTree(EventJson.write(started));

        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-15T14:27:00Z");
        assertThat(started.occurredAt()).isEqualTo(Instant.parse("2026-11-15T14:27:00Z"));
    }

    @Test
    void incidentEventsUseTheIncidentIdAsSubject() {
        RollbackStarted started = EventFixtures.event(RollbackStarted.class);

        assertThat(started.subject()).isEqualTo(started.incidentId().toString());
    }

    @Test
    void alertsUseTheFingerprintAsSubject() {
        AlertFired fired = EventFixtures.event(AlertFired.class);

        assertThat(fired.subject()).isEqualTo("c5e1f2a3b4d5e6f7");
    }

    @Test
    void unknownTypeIsRejectedNamingTheExpectedOnes() {
        assertThatThrownBy(() -> Topics.ALERTS.parse("dev.rewind.alert.exploded.v1", "{}"))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("dev.rewind.alert.exploded.v1")
                .hasMessageContaining("dev.rewind.alert.fired.v1");
    }

    @Test
    void missingTypeIsRejected() {
        assertThatThrownBy(() -> Topics.ALERTS.parse(null, EventFixtures.json(AlertFired.class)))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> EventJson.read("{\"requestId\": ", RollbackRequested.class))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("malformed RollbackRequested JSON");
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheField() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(RollbackRequested.class));
        tree.remove("severity");

        assertThatThrownBy(() -> EventJson.read(tree.toString(), RollbackRequested.class))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("'severity' is required");
    }

    @Test
    void invalidTargetKeyIsRejectedNamingThePart() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventFixtures.json(RollbackRequested.class));
        tree.put("target", "production/Payments_NS/checkout");

        assertThatThrownBy(() -> EventJson.read(tree.toString(), RollbackRequested.class))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("target namespace must be a DNS-1123 label");
    }
}
