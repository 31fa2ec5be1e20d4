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
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.RecordingHttpServer.Answer;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Jira follow-up ticket end to end: incident events in, Jira's create-issue request at the stub. The stubs
 * configure tickets for staging only, so these tests roll back in staging.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(VendorStubsResource.class)
class JiraFollowUpTest extends KafkaClientTest {

    @AfterEach
    void answerOkAgain() {
        VendorStubsResource.jira.answer(request -> Answer.of(200, "ok"));
    }

    @Test
    void aSuccessfulRollbackOpensAFollowUpTicketInTheConfiguredProject() throws Exception {
        TargetKey target = uniqueTarget("staging");
        UUID incident = UUID.randomUUID();
        VendorStubsResource.jira.answer(request -> request.body().contains(target.service())
                ? Answer.of(201, "{\"id\":\"10077\",\"key\":\"OPS-77\",\"self\":\"https://acme/issue/10077\"}")
                : Answer.of(200, "ok"));

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, 4711));
        kafka.send(Topics.INCIDENT_EVENTS, granted(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));
        UUID succeededId = kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        RecordingHttpServer.Request request = awaitTickets(target, 1).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/rest/api/3/issue");
        assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("rewind@example.com:jira-test-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode fields = EventJson.mapper().readTree(request.body()).get("fields");
        assertThat(fields.at("/project/key").asText()).isEqualTo("OPS");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(fields.get("summary").asText())
                .isEqualTo("Follow up the rollback of " + target.service() + " in staging (INCIDENT-4711)");
        assertThat(fields.at("/description/type").asText()).isEqualTo("doc");
        assertThat(fields.at("/description/version").asInt()).isEqualTo(1);
        assertThat(fields.get("description").findValuesAsText("text")).contains(
                "Reason: ", "High error rate (12% 5xx errors)", "Triggered by: ", "john.doe",
                "Root cause analysis: find and document why v1.3.0 failed.");
        assertThat(fields.get("labels")).extracting(JsonNode::asText)
                .containsExactly("rewind", "rollback", "staging");

        NotificationDelivered delivered = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, NotificationDelivered.class).and(r -> r.value().contains("\"jira\""))).value(),
                NotificationDelivered.class);
        assertThat(delivered.aboutEventId()).isEqualTo(succeededId);
        assertThat(delivered.notification()).isEqualTo("follow-up-ticket");
        assertThat(delivered.summary()).isEqualTo("Follow-up ticket OPS-77 opened (Jira)");
        assertThat(delivery(incident).reference).isEqualTo("OPS-77");
    }

    @Test
    void aRollbackThatStartsOrFailsOpensNoTicket() {
        TargetKey target = uniqueTarget("staging");
        UUID failedIncident = UUID.randomUUID();
        UUID laterIncident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, opened(failedIncident, target, 4801));
        kafka.send(Topics.INCIDENT_EVENTS, started(failedIncident, target));
        kafka.send(Topics.INCIDENT_EVENTS, failed(failedIncident, target));
        // A later incident of the same target, on the same partition: once its ticket is recorded, every event of
        // the first incident has been processed.
        kafka.send(Topics.INCIDENT_EVENTS, opened(laterIncident, target, 4802));
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(laterIncident, target));

        await().atMost(TestKafka.PATIENCE).until(() -> deliveries(laterIncident).size() == 1);
        assertThat(deliveries(failedIncident)).isEmpty();
        assertThat(awaitTickets(target, 1)).singleElement()
                .satisfies(request -> assertThat(request.body()).contains("INCIDENT-4802"));
    }

    @Test
    void aProductionRollbackOpensNoTicketWhenOnlyStagingIsConfigured() {
        TargetKey production = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, production));

        // What the incident needs is planned in the transaction that records its context.
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentContextRecord.findById(incident)) != null);
        assertThat(deliveries(incident)).isEmpty();
    }

    private static List<RecordingHttpServer.Request> awaitTickets(TargetKey target, int count) {
        return await().atMost(TestKafka.PATIENCE).until(
                () -> VendorStubsResource.jira.requestsContaining(target.service()), r -> r.size() >= count);
    }

    private static DeliveryRecord delivery(UUID incident) {
        return await().atMost(TestKafka.PATIENCE).until(() -> deliveries(incident).stream()
                .filter(d -> d.status == DeliveryRecord.Status.DELIVERED).findFirst().orElse(null), d -> d != null);
    }

    private static List<DeliveryRecord> deliveries(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryRecord.<DeliveryRecord>list(
                "incidentId = ?1 and channel = ?2", incident, "jira"));
    }
}
