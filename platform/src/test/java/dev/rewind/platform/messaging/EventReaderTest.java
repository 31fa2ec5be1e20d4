package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventParseException;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.platform.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private static final TargetKey TARGET = new TargetKey("production", "payments", "checkout");
    private final IncidentOpened event = EventFixtures.about(IncidentOpened.class, UUID.randomUUID(), TARGET,
            Map.of());

    @Test
    void readsARecordKeyedByItsEventsTarget() {
        Delivery<?> delivery = EventReader.read(Topics.INCIDENT_EVENTS, record(TARGET.toString()));

        assertThat(delivery.event()).isEqualTo(event);
    }

    @Test
    void refusesARecordWithoutAKeyWhichWouldLeaveItsTargetsPartitionAndOrder() {
        assertThatThrownBy(() -> EventReader.read(Topics.INCIDENT_EVENTS, record(null)))
                .isInstanceOf(InvalidEventRecord.class)
                .hasMessageContaining("record key is missing")
                .hasMessageContaining("'" + TARGET + "'");
    }

    @Test
    void refusesARecordKeyedByAnotherTarget() {
        assertThatThrownBy(() -> EventReader.read(Topics.INCIDENT_EVENTS, record("production/payments/search")))
                .isInstanceOf(EventParseException.class)
                .hasMessageContaining("does not match the event's target");
    }

    private ConsumerRecord<String, String> record(String key) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.INCIDENT_EVENTS.name(), 0, 0L, key,
                dev.rewind.events.EventJson.write(event));
        TestKafka.cloudEventHeaders(UUID.randomUUID(), Topics.INCIDENT_EVENTS.typeOf(event), event)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
