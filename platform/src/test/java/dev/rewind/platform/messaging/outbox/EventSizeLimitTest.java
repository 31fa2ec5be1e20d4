package dev.rewind.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventSizeLimitTest {

    private static final String TYPE = "dev.rewind.alert.fired.v1";
    private static final String KEY = "production/shop/checkout";

    @Test
    void refusesAnEventOverTheLimitNamingItsSizeAndTheLimit() {
        EventSizeLimit limit = new EventSizeLimit(1000);
        String payload = "{\"annotation\":\"" + "x".repeat(1000) + "\"}";

        assertThatThrownBy(() -> limit.check(TYPE, KEY, "incident", payload))
                .isInstanceOf(OutboxEventTooLarge.class)
                .hasMessageContaining("is 1049 bytes serialized, over the outbox limit of 1000 bytes")
                .hasMessageContaining(TYPE)
                .hasMessageContaining("rewind.messaging.outbox.max-event-bytes");
    }

    @Test
    void countsUtf8BytesOfPayloadKeyAndSubject() {
        EventSizeLimit limit = new EventSizeLimit(KEY.length() + "s".length() + 6);

        assertThatCode(() -> limit.check(TYPE, KEY, "s", "\"éé\"")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limit.check(TYPE, KEY, "s", "\"ééé\"")).isInstanceOf(OutboxEventTooLarge.class);
    }
}
