package dev.rewind.executor;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The incident events other than "its alerts all resolved" are read and acknowledged, without a transaction. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class IncidentEventsOfOthersTest extends KafkaClientTest {

    @Test
    void anIncidentEventOtherThanAlertsResolvedLeavesNoInboxRowWhileAlertsResolvedIsClaimed() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        UUID step = kafka.send(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(incident, target, UUID.randomUUID(),
                "accepted", "rollback queued", Instant.now()));
        UUID resolved = kafka.send(Topics.INCIDENT_EVENTS, new IncidentAlertsResolved(incident, target,
                List.of("fp-resolved"), Instant.now()));

        // Both on the target's partition, in this order: once the second is claimed, the first was consumed.
        await().atMost(TestKafka.PATIENCE).until(() -> inboxHolds(resolved));
        assertThat(inboxHolds(step)).as("read and acknowledged, never claimed in a transaction").isFalse();
    }

    private static boolean inboxHolds(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }
}
