package dev.rewind.platform.testing;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.RollbackStepCompleted;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * For a service that acts on few incident events: the others are read and acknowledged without a transaction or an
 * inbox row, and the ones it acts on are claimed. A subclass is the service's @QuarkusTest and names one event it
 * acts on.
 */
public abstract class IgnoredIncidentEventsContract extends KafkaClientTest {

    /** An incident event this service acts on, about {@code incident} of {@code target}. */
    protected abstract IncidentEvent eventItActsOn(UUID incident, TargetKey target);

    @Test
    void anIncidentEventTheServiceDoesNotActOnLeavesNoInboxRowWhileOneItActsOnIsClaimed() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        UUID step = kafka.send(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(incident, target, UUID.randomUUID(),
                "accepted", "rollback queued", Instant.now()));
        UUID actedOn = kafka.send(Topics.INCIDENT_EVENTS, eventItActsOn(incident, target));

        // Both on the target's partition, in this order: once the second is claimed, the first was consumed.
        await().atMost(TestKafka.PATIENCE).until(() -> inboxHolds(actedOn));
        assertThat(inboxHolds(step)).as("read and acknowledged, never claimed in a transaction").isFalse();
    }

    private static boolean inboxHolds(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }
}
