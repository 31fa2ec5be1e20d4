package dev.rewind.notifier.escalation;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The escalation path against the real broker and database, with levels seconds apart (see the profile). */
@QuarkusTest
@TestProfile(ShortEscalationProfile.class)
@WithTestResource(InfrastructureResource.class)
class EscalationTimerTest extends KafkaClientTest {

    private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    /**
     * Waits until the notifier reads incident events as they come: an event read late (the consumer still joining
     * its group after the boot) is held for the catch-up grace, and its first announcement skips levels.
     */
    @BeforeEach
    void consumerIsReading() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));
        await().atMost(TestKafka.PATIENCE).until(() -> row(incident) != null);
    }

    @Test
    void anUnresolvedIncidentIsEscalatedLevelByLevelEachLevelOnce() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        long number = NUMBERS.incrementAndGet();

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, number, target));

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(),
                about(target, IncidentEscalated.class), 3);
        records.forEach(record -> assertCloudEvent(record, Topics.INCIDENT_EVENTS, IncidentEscalated.class,
                "notifier-service"));
        List<IncidentEscalated> escalations = escalations(records);
        assertThat(escalations).extracting(IncidentEscalated::level).containsExactly(2, 3, 4);
        assertThat(escalations.get(0).reason()).startsWith("INCIDENT-" + number + " on " + target
                + " is still unresolved ").contains("escalated to level 2 (DevOps team), due after 2 s")
                .contains("Still open: no rollback has started; it opened for: High error rate");
        assertThat(escalations.get(2).reason()).contains("escalated to level 4 (executive team)");
        IncidentEscalationRecord row = row(incident);
        assertThat(row.reachedLevel).isEqualTo(4);
        assertThat(row.nextDueAt).as("nothing is left to announce").isNull();
    }

    @Test
    void nothingIsEscalatedOnceTheRollbackSucceeded() {
        TargetKey target = uniqueTarget("production");
        UUID resolved = UUID.randomUUID();
        kafka.send(Topics.INCIDENT_EVENTS, opened(resolved, NUMBERS.incrementAndGet(), target));
        kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), escalationOf(resolved, 2));

        kafka.send(Topics.INCIDENT_EVENTS, succeeded(resolved, target));
        await().until(() -> row(resolved).resolvedAt != null);
        int reachedWhenResolved = row(resolved).reachedLevel;
        assertThat(reachedWhenResolved).as("the rollback succeeded before the executives were due").isLessThan(4);

        // A second incident of the same target, opened after the first was resolved: its last level comes due after
        // every level of the first, and records of one target keep their order, so once it is on the topic every
        // escalation of the first would be before it.
        UUID later = UUID.randomUUID();
        kafka.send(Topics.INCIDENT_EVENTS, opened(later, NUMBERS.incrementAndGet(), target));
        List<IncidentEscalated> ofResolved = escalations(kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(),
                about(target, IncidentEscalated.class).and(record -> record.value().contains(resolved.toString())),
                escalationOf(later, 4)));

        assertThat(ofResolved).extracting(IncidentEscalated::level)
                .as("only the levels reached before the rollback succeeded, each once")
                .containsExactlyElementsOf(IntStream.rangeClosed(2, reachedWhenResolved).boxed().toList());
        assertThat(row(resolved).resolution).isEqualTo("the rollback succeeded and was verified");
        assertThat(row(resolved).nextDueAt).isNull();
    }

    @Test
    void aLevelAnnouncedByApprovalServiceIsNotAnnouncedAgain() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        // approval-service's deadline escalation reaches the notifier first, the opening after it: order is not
        // guaranteed across producers, and neither may make level 2 announced twice.
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentEscalated(incident, target, 2,
                "no decision on the P1 rollback: its approval deadline passed", Instant.now()));
        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, NUMBERS.incrementAndGet(), target));

        List<IncidentEscalated> escalations = escalations(kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(),
                about(target, IncidentEscalated.class), 3));
        assertThat(escalations).extracting(IncidentEscalated::level).containsExactly(2, 3, 4);
        assertThat(escalations.get(0).reason()).startsWith("no decision on the P1 rollback");
    }

    @Test
    void aStagingIncidentDoesNotFollowThePath() {
        TargetKey target = uniqueTarget("staging");
        UUID incident = UUID.randomUUID();
        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, NUMBERS.incrementAndGet(), target));

        // The incident's context is written in the transaction that follows its escalation path.
        await().until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentContextRecord.findById(incident) != null));
        assertThat(row(incident)).as("only production escalates (rewind.notifier.escalation.environments)").isNull();
    }

    private static IncidentOpened opened(UUID incident, long number, TargetKey target) {
        IncidentOpened fixture = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, number, target, fixture.severity(), fixture.signal(), fixture.reason(),
                fixture.version(), Instant.now());
    }

    private static RollbackSucceeded succeeded(UUID incident, TargetKey target) {
        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        return new RollbackSucceeded(incident, target, fixture.executionId(), fixture.method(),
                fixture.fromVersion(), fixture.toVersion(), fixture.message(), fixture.release(), Instant.now());
    }

    private static Predicate<ConsumerRecord<String, String>> escalationOf(UUID incident, int level) {
        return TestKafka.withHeader(CloudEventHeaders.TYPE, Topic.typeOf(IncidentEscalated.class))
                .and(record -> record.value().contains(incident.toString()))
                .and(record -> EventJson.read(record.value(), IncidentEscalated.class).level() == level);
    }

    private static List<IncidentEscalated> escalations(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> EventJson.read(record.value(), IncidentEscalated.class)).toList();
    }

    private static IncidentEscalationRecord row(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentEscalationRecord.findById(incident));
    }
}
