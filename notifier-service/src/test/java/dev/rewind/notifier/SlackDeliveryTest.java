package dev.rewind.notifier;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static dev.rewind.notifier.IncidentEvents.failed;
import static dev.rewind.notifier.IncidentEvents.granted;
import static dev.rewind.notifier.IncidentEvents.opened;
import static dev.rewind.notifier.IncidentEvents.started;
import static dev.rewind.notifier.IncidentEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slack's Web API end to end (bot token): incident events in, chat.postMessage / chat.update at the Slack stub. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(VendorStubsResource.class)
class SlackDeliveryTest extends KafkaClientTest {

    private static final String POST = "/api/chat.postMessage";
    private static final String UPDATE = "/api/chat.update";

    @AfterEach
    void answerAsSlackAgain() {
        VendorStubsResource.slack.answer(SlackWebApiStub::answer);
    }

    @Test
    void theFirstMessageGoesToTheChannelAndLaterOnesReplyInItsThreadWhichShowsTheOutcome() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, granted(incident, target));
        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(target, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST, UPDATE);
        assertThat(sent).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer xoxb-test-token");
            assertThat(request.header("Content-Type")).startsWith("application/json");
        });
        JsonNode first = json(sent.get(0));
        assertThat(first.get("channel").asText()).isEqualTo("C0ROLLBACK");
        assertThat(first.has("thread_ts")).isFalse();
        assertThat(first.at("/blocks/0/text/text").asText()).isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        assertThat(first.at("/blocks/1/fields").findValuesAsText("text")).containsExactly(
                "*Environment*: Production", "*Service*: " + target.service(), "*From Version*: v1.3.0",
                "*To Version*: v1.2.5", "*Triggered By*: @john.doe", "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: In Progress", "*ETA*: 5 minutes");
        assertThat(first.get("text").asText()).startsWith("🚨 PRODUCTION ROLLBACK INITIATED\n")
                .contains("Incident ticket: INCIDENT-123");
        String thread = SlackWebApiStub.tsOf(sent.get(0));
        JsonNode reply = json(sent.get(1));
        assertThat(reply.get("channel").asText()).isEqualTo("C0ROLLBACK");
        assertThat(reply.get("thread_ts").asText()).isEqualTo(thread);
        assertThat(reply.get("reply_broadcast").asBoolean()).isTrue();
        assertThat(reply.at("/blocks/0/text/text").asText()).isEqualTo("✅ PRODUCTION ROLLBACK COMPLETED");
        JsonNode update = json(sent.get(2));
        assertThat(update.get("channel").asText()).isEqualTo("C0ROLLBACK");
        assertThat(update.get("ts").asText()).isEqualTo(thread);
        assertThat(update.at("/blocks/1/fields").findValuesAsText("text")).contains("*Status*: Completed");

        List<NotificationDelivered> delivered = delivered(target, 3);
        assertThat(delivered).extracting(NotificationDelivered::notification).containsExactly("rollback-started",
                "rollback-succeeded", "first-message-rollback-succeeded");
        assertThat(delivered.get(0).aboutEventId()).isEqualTo(startedId);
        assertThat(delivered.get(0).summary()).isEqualTo("Slack: rollback initiated announced");
        assertThat(delivery(incident, "rollback-started").reference).isEqualTo("C0ROLLBACK/" + thread);
    }

    @Test
    void aRateLimitedPostIsSentAgainAfterItsRetryAfter() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        VendorStubsResource.slack.answer(firstAnswerFor(target, Answer.of(429, Map.of("Retry-After", "1"),
                "{\"ok\":false,\"error\":\"ratelimited\"}")));

        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(target, 2);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("rollback-started");
        DeliveryRecord record = delivery(incident, "rollback-started");
        assertThat(record.attempts).isEqualTo(2);
        assertThat(record.lastError).contains("429");
    }

    @Test
    void aServerErrorIsRetriedUntilSlackTakesTheMessage() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        VendorStubsResource.slack.answer(firstAnswerFor(target, Answer.of(500, "{\"error\":\"upstream\"}")));

        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        assertThat(awaitRequests(target, 2)).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST);
        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("rollback-started");
        assertThat(delivery(incident, "rollback-started").lastError).contains("500");
    }

    @Test
    void aRefusalIsNotRetriedAndIsPublishedAsANotificationFailedWithWhatToDo() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        String service = "*Service*: " + target.service();
        VendorStubsResource.slack.answer(request -> request.body().contains(service)
                ? Answer.of(200, "{\"ok\":false,\"error\":\"channel_not_found\"}")
                : SlackWebApiStub.answer(request));

        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        NotificationFailed failed = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationFailed.class).and(record -> EventJson.read(record.value(),
                        NotificationFailed.class).channel().equals("slack"))).value(), NotificationFailed.class);
        assertThat(failed.channel()).isEqualTo("slack");
        assertThat(failed.aboutEventId()).isEqualTo(startedId);
        assertThat(failed.notification()).isEqualTo("rollback-started");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("channel_not_found").contains("rewind.notifier.slack.channel");
        assertThat(requests(target)).hasSize(1);
    }

    @Test
    void aRedeliveredEventIsPostedOnce() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackStarted started = started(incident, target);

        UUID id = kafka.send(Topics.INCIDENT_EVENTS, started);
        kafka.send(Topics.INCIDENT_EVENTS, id, started);
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        // One incident's messages go out in order: once the last is sent, every earlier one has been.
        List<RecordingHttpServer.Request> sent = awaitRequests(target, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST, UPDATE);
        assertThat(sent.stream().filter(request -> request.body().contains("ROLLBACK INITIATED"))).hasSize(1);
    }

    @Test
    void quietByDefaultARollbackStepPostsNothing() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackStepCompleted f = EventFixtures.event(RollbackStepCompleted.class);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(incident, target, f.executionId(), f.step(),
                f.detail(), f.occurredAt()));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        // The step precedes the start on the incident's partition and in its deliveries: one post means none for it.
        List<RecordingHttpServer.Request> sent = awaitRequests(target, 1);
        assertThat(sent).singleElement().satisfies(request ->
                assertThat(request.body()).contains("ROLLBACK INITIATED").doesNotContain("ROLLBACK STEP"));
        assertThat(json(sent.get(0)).has("thread_ts")).isFalse();
    }

    @Test
    void aProductionP0IncidentIsRoutedToItsChannelAndKeepsItForItsThread() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        IncidentOpened f = opened(incident, target);

        kafka.send(Topics.INCIDENT_EVENTS, new IncidentOpened(incident, f.incidentNumber(), target, Severity.P0,
                f.signal(), f.reason(), f.version(), f.occurredAt()));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, failed(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(target, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST, UPDATE);
        assertThat(sent).extracting(request -> json(request).get("channel").asText()).containsOnly("C0CRITICAL");
        JsonNode failure = json(sent.get(1));
        assertThat(failure.get("thread_ts").asText()).isEqualTo(SlackWebApiStub.tsOf(sent.get(0)));
        assertThat(failure.at("/blocks/0/text/text").asText()).isEqualTo("❌ PRODUCTION ROLLBACK FAILED");
        assertThat(failure.at("/blocks/2/text/text").asText()).startsWith("*Diagnosis*:\n• pod checkout-7d9f8-x2x4q");
    }

    @Test
    void anEscalationRepliesInTheApprovalThreadMentioningItsLevelsPeopleAndLeavesTheButtonsAlone() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        IncidentEscalated f = EventFixtures.event(IncidentEscalated.class);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, SlackWebhookTest.approvalRequested(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentEscalated(incident, target, 2, f.reason(), f.occurredAt()));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        // The start follows the escalation: once it is posted, an update of the approval message would have been sent.
        List<RecordingHttpServer.Request> sent = awaitRequests(target, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST, POST, POST);
        assertThat(json(sent.get(0)).at("/blocks/0/text/text").asText())
                .isEqualTo("⏳ PRODUCTION ROLLBACK NEEDS APPROVAL");
        JsonNode escalation = json(sent.get(1));
        assertThat(escalation.get("thread_ts").asText()).isEqualTo(SlackWebApiStub.tsOf(sent.get(0)));
        assertThat(escalation.get("reply_broadcast").asBoolean()).isTrue();
        assertThat(escalation.get("text").asText()).startsWith("📣 PRODUCTION INCIDENT ESCALATED TO LEVEL 2: "
                + "DEVOPS TEAM\n<!subteam^S0DEVOPS> this incident is yours now");
        assertThat(json(sent.get(2)).has("reply_broadcast")).isFalse();
        assertThat(delivered(target, 3)).extracting(NotificationDelivered::notification)
                .containsExactly("approval-needed", "escalated-2", "rollback-started");
    }

    @Test
    void anOutcomeThatIsTheIncidentsFirstMessageIsNotUpdatedWithItself() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackDeclined f = EventFixtures.event(RollbackDeclined.class);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackDeclined(incident, target, f.code(), f.reason(),
                f.occurredAt()));

        assertThat(delivered(target, 2)).extracting(NotificationDelivered::notification)
                .containsExactly("rollback-declined", "first-message-rollback-declined");
        List<RecordingHttpServer.Request> sent = requests(target);
        assertThat(sent).extracting(RecordingHttpServer.Request::path).containsExactly(POST);
        assertThat(json(sent.get(0)).at("/blocks/0/text/text").asText()).isEqualTo("🛑 PRODUCTION ROLLBACK DECLINED");
    }

    /** Answers {@code first} to the first request about {@code target}, then as Slack. */
    private static Function<RecordingHttpServer.Request, Answer> firstAnswerFor(TargetKey target, Answer first) {
        String service = "*Service*: " + target.service();
        AtomicInteger seen = new AtomicInteger();
        return request -> request.body().contains(service) && seen.incrementAndGet() == 1 ? first
                : SlackWebApiStub.answer(request);
    }

    private static List<RecordingHttpServer.Request> awaitRequests(TargetKey target, int count) {
        return await().atMost(TestKafka.PATIENCE).until(() -> requests(target), sent -> sent.size() >= count);
    }

    /** The requests about {@code target}: services are unique per test, namespaces are shared. */
    private static List<RecordingHttpServer.Request> requests(TargetKey target) {
        return VendorStubsResource.slack.requestsContaining("*Service*: " + target.service());
    }

    /** Slack's deliveries about {@code target}; the other channels deliver about the same incidents. */
    private List<NotificationDelivered> delivered(TargetKey target, int count) {
        return kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)
                        .and(record -> EventJson.read(record.value(), NotificationDelivered.class).channel()
                                .equals("slack")), count)
                .stream().map(ConsumerRecord::value).map(json -> EventJson.read(json, NotificationDelivered.class))
                .toList();
    }

    private static DeliveryRecord delivery(UUID incident, String notification) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryRecord.<DeliveryRecord>find(
                "incidentId = ?1 and channel = 'slack' and notification = ?2", incident, notification)
                .singleResult());
    }

    private static JsonNode json(RecordingHttpServer.Request request) {
        try {
            return EventJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
