package dev.rewind.notifier.dispatch;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.ScrapedMetrics;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery model end to end, through the real broker and PostgreSQL, with two probe channels: recorded with the
 * event, sent after commit, in order per incident, once, retried, failed visibly, and settled after a crash.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(ProbeStubsResource.class)
class DispatchTest extends KafkaClientTest {

    @AfterEach
    void answerOkAgain() {
        ProbeStubsResource.once.answer(request -> Answer.of(200, "ok"));
        ProbeStubsResource.twice.answer(request -> Answer.of(200, "ok"));
    }

    @Test
    void aNotificationIsSentAfterCommitOnEveryChannelAndItsDeliveryPublished() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        assertThat(awaitRequests(ProbeStubsResource.once, incident, 1).get(0).path()).isEqualTo("/once/rollback-started");
        assertThat(awaitRequests(ProbeStubsResource.twice, incident, 1).get(0).path())
                .isEqualTo("/twice/rollback-started");
        List<NotificationDelivered> delivered = delivered(target, 2);
        assertThat(delivered).extracting(NotificationDelivered::channel).containsExactlyInAnyOrder("once", "twice");
        assertThat(delivered).allSatisfy(d -> {
            assertThat(d.aboutEventId()).isEqualTo(startedId);
            assertThat(d.aboutType()).isEqualTo("dev.rewind.rollback.started.v1");
            assertThat(d.notification()).isEqualTo("rollback-started");
            assertThat(d.summary()).isEqualTo(d.channel() + ": rollback-started");
        });
        ScrapedMetrics metrics = ScrapedMetrics.scrape();
        assertThat(metrics.sum("rewind_notifications_total", Map.of("channel", "once", "outcome", "delivered")))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.has("rewind_notifications_unsettled", Map.of("channel", "twice"))).isTrue();
    }

    @Test
    void aRedeliveredEventAndASecondEventSayingTheSameThingAreSentOnce() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackStarted started = started(incident, target);

        UUID id = kafka.send(Topics.INCIDENT_EVENTS, started);
        kafka.send(Topics.INCIDENT_EVENTS, id, started);
        kafka.send(Topics.INCIDENT_EVENTS, started);
        kafka.send(Topics.INCIDENT_EVENTS, step(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        // One incident's notifications go out in order: once the last is sent, every earlier one has been.
        List<RecordingHttpServer.Request> sent = awaitRequests(ProbeStubsResource.once, incident, 2);
        assertThat(sent).extracting(RecordingHttpServer.Request::path)
                .containsExactly("/once/rollback-started", "/once/rollback-succeeded");
    }

    @Test
    void laterNotificationsOfAnIncidentWaitForItsFirstAndSeeWhatItAnswered() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        AtomicInteger firstAttempts = new AtomicInteger();
        ProbeStubsResource.once.answer(request -> {
            if (!request.body().contains(incident.toString())) {
                return Answer.of(200, "ok");
            }
            if (request.path().endsWith("incident-opened")) {
                return firstAttempts.incrementAndGet() == 1 ? Answer.of(500, "{\"error\":\"try later\"}")
                        : Answer.of(200, "thread-of-" + incident);
            }
            return Answer.of(200, "reply");
        });

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(ProbeStubsResource.once, incident, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path)
                .containsExactly("/once/incident-opened", "/once/incident-opened", "/once/rollback-started");
        assertThat(sent.get(2).query()).isEqualTo("earlier=thread-of-" + incident);
        DeliveryRecord first = delivery(incident, "once", "incident-opened");
        assertThat(first.attempts).isEqualTo(2);
        assertThat(first.lastError).contains("once answered 500").contains("try later");
    }

    @Test
    void oneChannelDownNeverDelaysAnotherAndItsNotificationsGoOutOnceItIsBack() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ProbeStubsResource.once.answer(request -> request.body().contains(incident.toString())
                ? Answer.of(503, "down") : Answer.of(200, "ok"));

        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        NotificationDelivered twice = delivered(target, 1).get(0);
        assertThat(twice.channel()).isEqualTo("twice");
        await().atMost(TestKafka.PATIENCE).until(() -> requests(ProbeStubsResource.once, incident).size() >= 2);
        assertThat(delivery(incident, "once", "rollback-started").status).isEqualTo(DeliveryRecord.Status.PENDING);

        ProbeStubsResource.once.answer(request -> Answer.of(200, "ok"));
        assertThat(delivered(target, 2)).extracting(NotificationDelivered::channel)
                .containsExactlyInAnyOrder("once", "twice");
    }

    @Test
    void aRateLimitIsWaitedOutAndTheNotificationDelivered() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        ProbeStubsResource.once.answer(request -> request.body().contains(incident.toString())
                && attempts.incrementAndGet() == 1 ? Answer.of(429, Map.of("Retry-After", "1"), "{\"ok\":false}")
                : Answer.of(200, "ok"));

        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        assertThat(delivered(target, 2)).extracting(NotificationDelivered::channel)
                .containsExactlyInAnyOrder("once", "twice");
        DeliveryRecord once = delivery(incident, "once", "rollback-started");
        assertThat(once.status).isEqualTo(DeliveryRecord.Status.DELIVERED);
        assertThat(once.attempts).isEqualTo(2);
        assertThat(once.lastError).startsWith("once answered 429");
    }

    @Test
    void aRefusedNotificationIsNotSentAgainAndIsAnnouncedAsFailed() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ProbeStubsResource.once.answer(request -> request.body().contains(incident.toString())
                ? Answer.of(404, "{\"error\":\"channel_not_found\"}") : Answer.of(200, "ok"));

        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        NotificationFailed failed = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationFailed.class)).value(), NotificationFailed.class);
        assertThat(failed.channel()).isEqualTo("once");
        assertThat(failed.notification()).isEqualTo("rollback-started");
        assertThat(failed.aboutEventId()).isEqualTo(startedId);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("once answered 404").contains("channel_not_found");
        assertThat(requests(ProbeStubsResource.once, incident)).hasSize(1);
        assertThat(delivery(incident, "once", "rollback-started").status).isEqualTo(DeliveryRecord.Status.FAILED);
    }

    @Test
    void aSendLostToACrashIsFailedWhereRepeatingCouldTellPeopleTwiceAndRepeatedWhereItCannot() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        QuarkusTransaction.requiringNew().run(() -> {
            lostSend(incident, target, "once", longAgo);
            lostSend(incident, target, "twice", longAgo);
        });

        NotificationFailed failed = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationFailed.class)).value(), NotificationFailed.class);
        assertThat(failed.channel()).isEqualTo("once");
        assertThat(failed.reason()).contains("stopped while sending").contains("not sent again");
        NotificationDelivered resent = delivered(target, 1).get(0);
        assertThat(resent.channel()).isEqualTo("twice");
        assertThat(requests(ProbeStubsResource.twice, incident)).hasSize(1);
        assertThat(requests(ProbeStubsResource.once, incident)).isEmpty();
    }

    private static void lostSend(UUID incident, TargetKey target, String channel, Instant claimedAt) {
        DeliveryRecord.record(incident, target, channel, new Outgoing("rollback-started", channel + ": lost",
                "{\"incident\":\"" + incident + "\"}"), UUID.randomUUID(), "dev.rewind.rollback.started.v1",
                claimedAt);
        DeliveryRecord record = DeliveryRecord.find("incidentId = ?1 and channel = ?2", incident, channel)
                .singleResult();
        record.status = DeliveryRecord.Status.SENDING;
        record.claimedAt = claimedAt;
        record.attempts = 1;
    }

    private List<NotificationDelivered> delivered(TargetKey target, int count) {
        return kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class), count)
                .stream().map(ConsumerRecord::value).map(json -> EventJson.read(json, NotificationDelivered.class))
                .toList();
    }

    private static DeliveryRecord delivery(UUID incident, String channel, String notification) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryRecord.<DeliveryRecord>find(
                "incidentId = ?1 and channel = ?2 and notification = ?3", incident, channel, notification)
                .singleResult());
    }

    private static List<RecordingHttpServer.Request> awaitRequests(RecordingHttpServer stub, UUID incident,
                                                                   int count) {
        return await().atMost(TestKafka.PATIENCE).until(() -> requests(stub, incident), r -> r.size() >= count);
    }

    private static List<RecordingHttpServer.Request> requests(RecordingHttpServer stub, UUID incident) {
        return stub.requestsContaining(incident.toString());
    }

    private static IncidentOpened opened(UUID incident, TargetKey target) {
        IncidentOpened f = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, f.incidentNumber(), target, f.severity(), f.signal(), f.reason(),
                f.version(), Instant.now());
    }

    private static RollbackStarted started(UUID incident, TargetKey target) {
        RollbackStarted f = EventFixtures.event(RollbackStarted.class);
        return new RollbackStarted(incident, target, f.executionId(), f.method(), f.fromRevision(), f.toRevision(),
                f.fromVersion(), f.toVersion(), Instant.now());
    }

    private static RollbackStepCompleted step(UUID incident, TargetKey target) {
        RollbackStepCompleted f = EventFixtures.event(RollbackStepCompleted.class);
        return new RollbackStepCompleted(incident, target, f.executionId(), f.step(), f.detail(), Instant.now());
    }

    private static RollbackSucceeded succeeded(UUID incident, TargetKey target) {
        RollbackSucceeded f = EventFixtures.event(RollbackSucceeded.class);
        return new RollbackSucceeded(incident, target, f.executionId(), f.method(), f.fromVersion(), f.toVersion(),
                f.message(), f.release(), Instant.now());
    }
}
