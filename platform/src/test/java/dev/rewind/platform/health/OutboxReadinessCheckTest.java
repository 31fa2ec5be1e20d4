package dev.rewind.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.platform.messaging.outbox.OutboxBacklog;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OutboxReadinessCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-15T14:30:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(2);

    @Test
    void downWhenTheOldestPendingRecordIsOlderThanTheThreshold() {
        HealthCheckResponse response = OutboxReadinessCheck.evaluate(
                new OutboxBacklog(3, NOW.minusSeconds(200), 0), NOW, MAX_AGE);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().satisfies(data -> {
            assertThat(data).containsEntry("oldestPendingAgeSeconds", 200L).containsEntry("oldestPendingAge", "PT3M20S")
                    .containsEntry("pending", 3L).containsEntry("maxPendingAge", "PT2M");
            assertThat((String) data.get("reason")).contains("200s old").contains("max-pending-age");
        });
    }

    @Test
    void upWhilePendingRecordsAreYoungerThanTheThreshold() {
        HealthCheckResponse response = OutboxReadinessCheck.evaluate(
                new OutboxBacklog(1, NOW.minusSeconds(5), 0), NOW, MAX_AGE);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void parkedRecordsAreCountedButDoNotTurnReadinessDown() {
        HealthCheckResponse response = OutboxReadinessCheck.evaluate(new OutboxBacklog(0, null, 2), NOW, MAX_AGE);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(data -> assertThat(data).containsEntry("parked", 2L)
                .doesNotContainKey("oldestPendingAge"));
    }
}
