package dev.rewind.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerLimitsTest {

    /** The outbox channel's producer settings from the platform's microprofile-config.properties. */
    private static Map<String, Object> outboxProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("max.in.flight.requests.per.connection", "5");
        config.put("delivery.timeout.ms", "30000");
        config.put("max.block.ms", "10000");
        config.put("max.request.size", "1048576");
        return config;
    }

    @Test
    void ackWaitOutlastsEverythingTheSinkMayStillDoWithARecord() {
        ProducerLimits limits = ProducerLimits.of(outboxProducer());

        assertThat(limits.ackWait()).isEqualTo(Duration.ofSeconds(71))
                .isGreaterThanOrEqualTo(limits.deliveryTimeout().multipliedBy(2).plus(limits.maxBlock()));
    }

    @Test
    void kafkasDefaultsApplyWhereNothingIsSet() {
        ProducerLimits limits = ProducerLimits.of(Map.of("acks", "all"));

        assertThat(limits.deliveryTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(limits.maxBlock()).isEqualTo(Duration.ofMinutes(1));
        assertThat(limits.ackWait()).as("never the 10 s the relay used to wait").isEqualTo(Duration.ofSeconds(301));
        assertThat(limits.idempotenceEnabled()).isTrue();
    }

    @Test
    void acceptsThePlatformsSettings() {
        assertThatCode(() -> ProducerLimits.of(outboxProducer()).validate(200, 256, 256, 900_000))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAProducerThatIsNotIdempotentWithAcksAll() {
        Map<String, Object> acksOne = outboxProducer();
        acksOne.put("acks", "1"); // SmallRye's default, which turns idempotence off

        assertThatThrownBy(() -> ProducerLimits.of(acksOne).validate(200, 256, 256, 900_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("acks=1");
    }

    @Test
    void refusesAnEventLimitThatLeavesNoRoomForKeyAndHeaders() {
        assertThatThrownBy(() -> ProducerLimits.of(outboxProducer()).validate(200, 256, 256, 1_000_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rewind.messaging.outbox.max-event-bytes (1000000)")
                .hasMessageContaining("max.request.size (1048576)");
    }

    @Test
    void refusesABatchLargerThanTheEmitterBufferOrTheSinksInflightLimit() {
        ProducerLimits limits = ProducerLimits.of(outboxProducer());

        assertThatThrownBy(() -> limits.validate(300, 1024, 256, 900_000))
                .hasMessageContaining("batch-size must be between 1 and 256");
        assertThatThrownBy(() -> limits.validate(200, 100, 256, 900_000))
                .hasMessageContaining("max-inflight-messages (100)");
    }
}
