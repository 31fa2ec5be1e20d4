package dev.rewind.notifier;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.TestKafka;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statuspage end to end: incident events in, incident creates and updates at the local Statuspage stub. Only these
 * tests use environment "live", the one the stubbed notifier shows on its status page, so every create the stub sees
 * during a test is that test's (a create names nothing internal to tell it by).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(VendorStubsResource.class)
class StatuspageDeliveryTest extends KafkaClientTest {

    private static final String INCIDENTS = "/v1/pages/pg0test/incidents";

    private String statuspageId;
    private int requestsBefore;

    @BeforeEach
    void newStatuspageIncident() {
        statuspageId = "sp" + UUID.randomUUID().toString().substring(0, 8);
        requestsBefore = VendorStubsResource.statuspage.requests().size();
        VendorStubsResource.statuspage.answer(statuspage(request -> null));
    }

    @AfterEach
    void answerOkAgain() {
        VendorStubsResource.statuspage.answer(request -> Answer.of(200, "ok"));
        VendorStubsResource.pagerduty.answer(request -> Answer.of(202, PagerDutyDeliveryTest.ACCEPTED));
    }

    @Test
    void aLiveP1OpensAStatusPageIncidentThatTheRollbackUpdatesByItsIdAndResolves() {
        TargetKey target = liveTarget();
        UUID incident = UUID.randomUUID();

        UUID openedId = kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target, Severity.P1));
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.started(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.succeeded(incident, target));

        List<NotificationDelivered> delivered = delivered(target, 3);
        assertThat(delivered).extracting(NotificationDelivered::notification)
                .containsExactly("incident-opened", "rollback-started", "rollback-succeeded");
        assertThat(delivered.get(0).summary()).isEqualTo("Status page incident opened (Statuspage)");
        assertThat(delivered.get(0).aboutEventId()).isEqualTo(openedId);
        assertThat(delivered.get(2).summary()).isEqualTo("Status page incident resolved (Statuspage)");

        List<RecordingHttpServer.Request> sent = requests();
        RecordingHttpServer.Request create = sent.stream().filter(r -> r.method().equals("POST")).findFirst()
                .orElseThrow();
        assertThat(create.path()).isEqualTo(INCIDENTS);
        assertThat(create.header("Authorization")).isEqualTo("OAuth statuspage-test-key");
        JsonNode opened = json(create).get("incident");
        assertThat(opened.get("status").asText()).isEqualTo("investigating");
        assertThat(opened.get("impact_override").asText()).isEqualTo("major");
        assertThat(opened.get("name").asText()).isEqualTo("Elevated error rates");
        assertThat(create.body()).doesNotContain(target.service(), "v1.3.0", "INCIDENT-");
        List<RecordingHttpServer.Request> updates = sent.stream().filter(r -> r.method().equals("PATCH")).toList();
        assertThat(updates).extracting(RecordingHttpServer.Request::path)
                .containsExactly(INCIDENTS + "/" + statuspageId, INCIDENTS + "/" + statuspageId);
        assertThat(updates).allSatisfy(update ->
                assertThat(update.header("Authorization")).isEqualTo("OAuth statuspage-test-key"));
        assertThat(json(updates.get(0)).at("/incident/status").asText()).isEqualTo("identified");
        assertThat(json(updates.get(1)).at("/incident/status").asText()).isEqualTo("resolved");
    }

    @Test
    void aRateLimitedCreateIsSentAgainAfterItsRetryAfter() {
        TargetKey target = liveTarget();
        AtomicInteger creates = new AtomicInteger();
        VendorStubsResource.statuspage.answer(statuspage(request -> creates.incrementAndGet() == 1
                ? Answer.of(429, Map.of("Retry-After", "1"), "{\"error\":\"rate limited\"}") : null));

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(UUID.randomUUID(), target, Severity.P0));

        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("incident-opened");
        assertThat(creates).hasValue(2);
    }

    @Test
    void aServerErrorIsRetriedAndTheUpdatesStillFindTheIncident() {
        TargetKey target = liveTarget();
        UUID incident = UUID.randomUUID();
        AtomicInteger creates = new AtomicInteger();
        VendorStubsResource.statuspage.answer(statuspage(request -> creates.incrementAndGet() == 1
                ? Answer.of(500, "{\"error\":\"internal\"}") : null));

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target, Severity.P1));
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.started(incident, target));

        assertThat(delivered(target, 2)).extracting(NotificationDelivered::notification)
                .containsExactly("incident-opened", "rollback-started");
        assertThat(creates).hasValue(2);
        assertThat(requests()).filteredOn(r -> r.method().equals("PATCH")).extracting(RecordingHttpServer.Request::path)
                .containsExactly(INCIDENTS + "/" + statuspageId);
    }

    @Test
    void aRefusedCreateIsAnnouncedAsFailedAndItsUpdatesAreRefusedWithoutARequest() {
        TargetKey target = liveTarget();
        UUID incident = UUID.randomUUID();
        VendorStubsResource.statuspage.answer(statuspage(request ->
                Answer.of(400, "{\"error\":[\"Components is invalid\"]}")));

        UUID openedId = kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target, Severity.P1));
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.started(incident, target));

        List<NotificationFailed> failed = failed(target, 2);
        assertThat(failed).extracting(NotificationFailed::notification)
                .containsExactly("incident-opened", "rollback-started");
        assertThat(failed.get(0).aboutEventId()).isEqualTo(openedId);
        assertThat(failed.get(0).attempts()).isEqualTo(1);
        assertThat(failed.get(0).reason()).contains("Statuspage answered 400").contains("Components is invalid");
        assertThat(failed.get(1).reason()).contains("no status page incident to update");
        assertThat(requests()).extracting(RecordingHttpServer.Request::method).containsExactly("POST");
    }

    @Test
    void aStatusPageDownDelaysNeitherThePageNorAnythingElseAndIsCreatedOnceItIsBack() {
        TargetKey target = liveTarget();
        UUID incident = UUID.randomUUID();
        VendorStubsResource.statuspage.answer(request -> Answer.of(503, "{\"error\":\"unavailable\"}"));

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target, Severity.P1));

        NotificationDelivered paged = kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationDelivered.class), 1).stream().map(ConsumerRecord::value)
                .map(value -> EventJson.read(value, NotificationDelivered.class)).findFirst().orElseThrow();
        assertThat(paged.channel()).isEqualTo("pagerduty");
        await().atMost(TestKafka.PATIENCE).until(() -> requests().size() >= 2); // tried, and tried again

        VendorStubsResource.statuspage.answer(statuspage(request -> null));
        assertThat(delivered(target, 1).get(0).notification()).isEqualTo("incident-opened");
    }

    /** A target in environment "live", which only these tests use. */
    private static TargetKey liveTarget() {
        return new TargetKey("live", "storefront", "svc-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Statuspage's answers: {@code create} decides a create's (null: created, answered with this test's incident
     * id, as Statuspage answers with the whole incident); updates of this test's incident are taken.
     */
    private Function<RecordingHttpServer.Request, Answer> statuspage(
            Function<RecordingHttpServer.Request, Answer> create) {
        String id = statuspageId;
        return request -> {
            if (request.method().equals("POST")) {
                Answer answer = create.apply(request);
                return answer != null ? answer
                        : Answer.of(201, "{\"id\":\"" + id + "\",\"name\":\"Elevated error rates\",\"status\":"
                        + "\"investigating\",\"page_id\":\"pg0test\",\"shortlink\":\"http://stspg.io/x\"}");
            }
            return Answer.of(200, "{\"id\":\"" + id + "\",\"status\":\"identified\"}");
        };
    }

    /** The requests of this test: those after the ones before it (only these tests use environment "live"). */
    private List<RecordingHttpServer.Request> requests() {
        List<RecordingHttpServer.Request> all = VendorStubsResource.statuspage.requests();
        return all.subList(requestsBefore, all.size());
    }

    private List<NotificationDelivered> delivered(TargetKey target, int count) {
        return kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)
                        .and(record -> record.value().contains("\"statuspage\"")), count)
                .stream().map(ConsumerRecord::value).map(json -> EventJson.read(json, NotificationDelivered.class))
                .toList();
    }

    private List<NotificationFailed> failed(TargetKey target, int count) {
        return kafka.awaitRecords(Topics.INCIDENT_EVENTS.name(), about(target, NotificationFailed.class), count)
                .stream().map(ConsumerRecord::value).map(json -> EventJson.read(json, NotificationFailed.class))
                .toList();
    }

    private static JsonNode json(RecordingHttpServer.Request request) {
        try {
            return EventJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
