package dev.rewind.notifier;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static dev.rewind.notifier.IncidentEvents.escalated;
import static dev.rewind.notifier.IncidentEvents.opened;
import static dev.rewind.notifier.IncidentEvents.started;
import static dev.rewind.notifier.IncidentEvents.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PagerDuty end to end: incident events in, Events API v2 requests at the local PagerDuty stub. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(VendorStubsResource.class)
class PagerDutyDeliveryTest extends KafkaClientTest {

    static final String ROUTING_KEY = "R0UTINGKEY00000000000000000000PD";
    static final String LEVEL_2_ROUTING_KEY = "ESCALATI0N2KEY0000000000000000PD";
    /** What PagerDuty answers an event it took. */
    static final String ACCEPTED = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}";

    @AfterEach
    void answerAcceptedAgain() {
        VendorStubsResource.pagerduty.answer(request -> Answer.of(202, ACCEPTED));
    }

    @Test
    void aP1ProductionIncidentPagesWithItsIdAsDedupKeyRecordsTheRollbackAsAChangeAndResolvesOnceVerified()
            throws IOException {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        UUID openedId = kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P1));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(incident, 3);
        assertThat(sent).extracting(RecordingHttpServer.Request::path)
                .containsExactly("/v2/enqueue", "/v2/change/enqueue", "/v2/enqueue");
        JsonNode trigger = json(sent.get(0));
        assertThat(trigger.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo(incident.toString());
        assertThat(trigger.at("/payload/summary").asText()).isEqualTo("[P1] INCIDENT-123: payments/"
                + target.service() + " in production: High error rate (12% 5xx errors)");
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("error");
        assertThat(trigger.at("/payload/source").asText()).isEqualTo(target.toString());
        assertThat(sent.get(0).header("Content-Type")).startsWith("application/json");
        JsonNode change = json(sent.get(1));
        assertThat(change.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(change.at("/payload/summary").asText()).isEqualTo("Rollback of payments/" + target.service()
                + " in production from v1.3.0 to v1.2.5 (INCIDENT-123, P1)");
        assertThat(change.has("event_action")).isFalse();
        JsonNode resolve = json(sent.get(2));
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(resolve.get("dedup_key").asText()).isEqualTo(incident.toString());
        assertThat(resolve.get("routing_key").asText()).isEqualTo(ROUTING_KEY);

        List<NotificationDelivered> delivered = delivered(target, 3);
        assertThat(delivered).extracting(NotificationDelivered::notification)
                .containsExactly("trigger", "change", "resolve");
        assertThat(delivered.get(0).summary()).isEqualTo("On-call engineer paged (PagerDuty)");
        assertThat(delivered.get(0).aboutEventId()).isEqualTo(openedId);
    }

    @Test
    void anEscalationPagesItsLevelsServiceAndTheVerifiedRollbackResolvesThatPageToo() throws IOException {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P2)); // pages nobody
        kafka.send(Topics.INCIDENT_EVENTS, escalated(incident, target, 2));
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        List<RecordingHttpServer.Request> sent = awaitRequests(incident, 2);
        JsonNode page = json(sent.get(0));
        assertThat(page.get("routing_key").asText()).isEqualTo(LEVEL_2_ROUTING_KEY);
        assertThat(page.get("event_action").asText()).isEqualTo("trigger");
        assertThat(page.get("dedup_key").asText()).isEqualTo(incident + "-level-2");
        assertThat(page.at("/payload/severity").asText()).isEqualTo("warning");
        JsonNode resolve = json(sent.get(1));
        assertThat(resolve.get("routing_key").asText()).isEqualTo(LEVEL_2_ROUTING_KEY);
        assertThat(resolve.get("dedup_key").asText()).isEqualTo(incident + "-level-2");
        assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
        assertThat(delivered(target, 2)).extracting(NotificationDelivered::notification)
                .containsExactly("escalated-2", "resolve");
    }

    @Test
    void aVerifiedRollbackOfAnIncidentThatPagedNobodyResolvesNothingAndSaysNothing() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P2)); // pages nobody
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        DeliveryRecord resolve = await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> DeliveryRecord.<DeliveryRecord>find("incidentId = ?1 and channel = 'pagerduty' and "
                        + "notification = 'resolve'", incident).firstResult()),
                record -> record != null && record.settledAt != null);
        assertThat(resolve.status).isEqualTo(DeliveryRecord.Status.SKIPPED);
        assertThat(resolve.lastError).isEqualTo("the incident paged nobody on PagerDuty: nothing to resolve");
        assertThat(requests(incident)).isEmpty();
    }

    @Test
    void aRateLimitedPageIsSentAgainAfterItsRetryAfter() throws IOException {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        VendorStubsResource.pagerduty.answer(request -> request.body().contains(incident.toString())
                && attempts.incrementAndGet() == 1
                ? Answer.of(429, Map.of("Retry-After", "1"), "{\"status\":\"throttle event\"}")
                : Answer.of(202, ACCEPTED));

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P0));

        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("trigger");
        List<RecordingHttpServer.Request> sent = requests(incident);
        assertThat(sent).hasSize(2);
        assertThat(json(sent.get(1))).isEqualTo(json(sent.get(0)));
        assertThat(json(sent.get(1)).at("/payload/severity").asText()).isEqualTo("critical");
    }

    @Test
    void aServerErrorIsRetriedUntilPagerDutyTakesThePage() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        VendorStubsResource.pagerduty.answer(request -> request.body().contains(incident.toString())
                && attempts.incrementAndGet() <= 2 ? Answer.of(500, "{\"status\":\"error\"}")
                : Answer.of(202, ACCEPTED));

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P1));

        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("trigger");
        assertThat(requests(incident)).hasSize(3);
    }

    @Test
    void aPageRefusedAsInvalidIsNotSentAgainAndIsAnnouncedAsFailed() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        VendorStubsResource.pagerduty.answer(request -> request.body().contains(incident.toString())
                ? Answer.of(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                + "\"errors\":[\"Length of 'routing_key' is incorrect (should be 32 characters)\"]}")
                : Answer.of(202, ACCEPTED));

        UUID openedId = kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P1));

        NotificationFailed failed = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationFailed.class)).value(), NotificationFailed.class);
        assertThat(failed.channel()).isEqualTo("pagerduty");
        assertThat(failed.notification()).isEqualTo("trigger");
        assertThat(failed.aboutEventId()).isEqualTo(openedId);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("PagerDuty answered 400").contains("routing_key");
        assertThat(requests(incident)).hasSize(1);
    }

    private List<NotificationDelivered> delivered(TargetKey target, int count) {
        return kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)
                        .and(record -> record.value().contains("\"pagerduty\"")), count)
                .stream().map(ConsumerRecord::value).map(json -> EventJson.read(json, NotificationDelivered.class))
                .toList();
    }

    private static List<RecordingHttpServer.Request> awaitRequests(UUID incident, int count) {
        return await().atMost(TestKafka.PATIENCE).until(() -> requests(incident), sent -> sent.size() >= count);
    }

    /** PagerDuty requests about {@code incident}: each names it (as dedup_key or in custom_details). */
    private static List<RecordingHttpServer.Request> requests(UUID incident) {
        return VendorStubsResource.pagerduty.requestsContaining(incident.toString());
    }

    private static JsonNode json(RecordingHttpServer.Request request) {
        try {
            return EventJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
