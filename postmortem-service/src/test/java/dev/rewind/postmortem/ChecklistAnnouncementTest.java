package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static dev.rewind.postmortem.ChecklistApiTest.items;
import static dev.rewind.postmortem.ChecklistApiTest.opened;
import static dev.rewind.postmortem.ChecklistApiTest.reader;
import static dev.rewind.postmortem.ChecklistApiTest.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.PublishedEvents;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.service.checklist.OverdueAnnouncer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ChecklistAnnouncementTest extends KafkaClientTest {

    /**
     * What a rollback completed an hour ago without notifications or resolved alerts leaves overdue: four immediate
     * items (the rollback's success checked the application) and four short-term ones (the record is the report,
     * and the faulty release is blocked); follow-up items are not due yet.
     */
    private static final List<String> OVERDUE_AFTER_AN_HOUR = List.of("check-error-rates",
            "confirm-database-connections", "verify-dashboards-green", "update-status-page", "notify-stakeholders",
            "document-root-cause", "tag-faulty-release", "update-runbook");

    private static final String OVERDUE_TYPE = Topic.typeOf(ChecklistItemOverdue.class);

    @Inject
    OverdueAnnouncer announcer;

    @Inject
    Scheduler scheduler;

    @Test
    void theSchedulerAnnouncesEachOverdueItemThroughTheOutboxAndTheTimelineShowsIt() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant completed = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        rolledBack(incident, target, completed);

        List<ConsumerRecord<String, String>> records = kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(),
                about(target, ChecklistItemOverdue.class), OVERDUE_AFTER_AN_HOUR.size());

        List<ChecklistItemOverdue> announced = records.stream().map(record -> PublishedEvents.assertCloudEvent(
                record, Topics.INCIDENT_EVENTS, ChecklistItemOverdue.class, "postmortem-service")).toList();
        assertThat(announced).extracting(ChecklistItemOverdue::item)
                .containsExactlyInAnyOrderElementsOf(OVERDUE_AFTER_AN_HOUR);
        ChecklistItemOverdue statusPage = announced.stream().filter(e -> e.item().equals("update-status-page"))
                .findFirst().orElseThrow();
        assertThat(statusPage.incidentNumber()).isEqualTo(123L);
        assertThat(statusPage.title()).isEqualTo("Update status page");
        assertThat(statusPage.phase()).isEqualTo("immediate");
        assertThat(statusPage.dueAt()).isEqualTo(completed.plus(Duration.ofMinutes(5)));
        await().atMost(TestKafka.PATIENCE).untilAsserted(() -> assertThat(timeline(incident))
                .filteredOn(entry -> entry.kind.equals("checklist-overdue")).hasSize(OVERDUE_AFTER_AN_HOUR.size()));
        assertThat(reader().get("/api/v1/checklist/overdue?service={s}", target.service()).then().statusCode(200)
                .extract().jsonPath().getList("announcedAt")).hasSize(OVERDUE_AFTER_AN_HOUR.size())
                .doesNotContainNull();
    }

    @Test
    void twoInstancesAnnouncingAtOnceAnnounceEachItemOnce() throws Exception {
        // The scheduled job would otherwise announce the items before the two instances run, proving nothing.
        scheduler.pause(OverdueAnnouncer.JOB);
        try {
            TargetKey target = uniqueTarget("production");
            UUID incident = UUID.randomUUID();
            rolledBack(incident, target, Instant.now().minus(Duration.ofHours(1)));
            await().atMost(TestKafka.PATIENCE).until(() -> items(incident).size() == 17);

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> instances = List.of(
                    CompletableFuture.supplyAsync(() -> announceAfter(start)),
                    CompletableFuture.supplyAsync(() -> announceAfter(start)));
            start.countDown();
            CompletableFuture.allOf(instances.toArray(CompletableFuture[]::new)).get();

            assertThat(instances.get(0).get() + instances.get(1).get()).as("items announced by the two instances")
                    .isEqualTo(OVERDUE_AFTER_AN_HOUR.size());
            assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count(
                    "recordKey = ?1 and eventType = ?2", target.toString(), OVERDUE_TYPE)))
                    .isEqualTo(OVERDUE_AFTER_AN_HOUR.size());
        } finally {
            scheduler.resume(OverdueAnnouncer.JOB);
        }
    }

    @Test
    void itemsOverdueForLongerThanTheAnnouncementWindowAreListedButNotAnnounced() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        rolledBack(incident, target, Instant.now().minus(Duration.ofDays(3)));
        await().atMost(TestKafka.PATIENCE).until(() -> items(incident).size() == 17);

        announcer.announceOverdue();

        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count(
                "recordKey = ?1 and eventType = ?2", target.toString(), OVERDUE_TYPE))).isZero();
        List<String> overdue = reader().get("/api/v1/checklist/overdue?service={s}", target.service()).then()
                .statusCode(200).extract().jsonPath().getList("item");
        assertThat(overdue).hasSize(OVERDUE_AFTER_AN_HOUR.size() + 6).contains("complete-post-mortem");
    }

    private int announceAfter(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return announcer.announceOverdue();
    }

    private static void rolledBack(UUID incident, TargetKey target, Instant at) {
        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, at.minusSeconds(300)));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(incident, target, UUID.randomUUID(),
                RollbackMethod.KUBECTL, "v1.3.0", "v1.2.5", "rolled out", new Release(2, Map.of(target.service(),
                "registry.example/" + target.service() + ":v1.3.0")), at));
    }
}
