package dev.rewind.notifier;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.notifier.domain.ApprovalRequest;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Slack through an incoming webhook (no bot token): one message per notification, the runbook's fields, the approval
 * buttons, no threads; and the notifier's consumer contract (readiness, dead letters).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(SlackStubResource.class)
class SlackWebhookTest extends ServiceContract {

    private static final String SERVICE = "notifier-service";
    private static final String WEBHOOK_PATH = "/services/T000/B000/XXXX";

    @Test
    void rollbackStartAnnouncedThroughTheWebhookWithTheRunbookFields() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.granted(incident, target));
        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.started(incident, target));

        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 1);
        assertThat(posts.get(0).path()).isEqualTo(WEBHOOK_PATH);
        JsonNode message = json(posts.get(0));
        assertThat(message.has("channel")).isFalse();
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).containsExactly(
                "*Environment*: Production",
                "*Service*: " + target.service(),
                "*From Version*: v1.3.0",
                "*To Version*: v1.2.5",
                "*Triggered By*: @john.doe",
                "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: In Progress",
                "*ETA*: 5 minutes");
        assertThat(message.get("text").asText()).contains("PRODUCTION ROLLBACK INITIATED")
                .contains("Incident ticket: INCIDENT-123");

        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.aboutEventId()).isEqualTo(startedId);
        assertThat(delivered.aboutType()).isEqualTo("dev.rewind.rollback.started.v1");
    }

    @Test
    void approvalRequestPostedWithApproveAndRejectButtonsForTheRequest() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ApprovalRequested asked = approvalRequested(incident, target);

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target));
        UUID askedId = kafka.send(Topics.INCIDENT_EVENTS, asked);

        JsonNode message = json(awaitSlackPosts(target, 1).get(0));
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("⏳ PRODUCTION ROLLBACK NEEDS APPROVAL");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).contains(
                "*Severity*: " + asked.severity(),
                "*Reason*: High error rate (12% 5xx errors)",
                "*Who May Approve*: one person with role oncall or team-lead",
                "*May Not Approve*: jane.dev");
        JsonNode input = block(message, "input");
        assertThat(input.at("/element/action_id").asText()).isEqualTo(ApprovalRequest.REASON);
        assertThat(block(message, "actions").path("elements").findValuesAsText("action_id"))
                .containsExactly(ApprovalRequest.APPROVE, ApprovalRequest.REJECT);
        assertThat(block(message, "actions").path("elements").findValuesAsText("value"))
                .containsExactly(asked.requestId().toString(), asked.requestId().toString());
        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.aboutEventId()).isEqualTo(askedId);
    }

    @Test
    void aRollbackAwaitingApprovalWhoseAlertsAllResolvedIsAWarningAndEachResolvedAlertIsNoMessage() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ApprovalAlertsResolved f = EventFixtures.event(ApprovalAlertsResolved.class);
        ApprovalAlertsResolved flagged = new ApprovalAlertsResolved(incident, target, UUID.randomUUID(), false,
                f.alertsResolvedAt(), f.note(), f.occurredAt());

        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, new AlertResolvedOnIncident(incident, target, "alertmanager", "fp-errors",
                Signal.ERROR_RATE, null, f.alertsResolvedAt(), f.alertsResolvedAt()));
        UUID flaggedId = kafka.send(Topics.INCIDENT_EVENTS, flagged);

        // The warning follows the resolved alert on the incident's partition: one post means none for the alert.
        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 1);
        assertThat(posts).hasSize(1);
        JsonNode message = json(posts.get(0));
        assertThat(message.at("/blocks/0/text/text").asText())
                .isEqualTo("⚠️ PRODUCTION ALERTS RESOLVED, ROLLBACK STILL AWAITING APPROVAL");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).contains(
                "*Reason*: High error rate (12% 5xx errors)",
                "*Note*: Every alert of this incident resolved at 2026-11-15T14:34:00Z; the fault may have cleared: "
                        + "consider rejecting");
        assertThat(block(message, "context").at("/elements/0/text").asText())
                .contains(flagged.requestId().toString());
        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.aboutEventId()).isEqualTo(flaggedId);
        assertThat(delivered.aboutType()).isEqualTo("dev.rewind.approval.alerts-resolved.v1");
    }

    @Test
    void aRedeliveredEventIsAnnouncedOnceAndTheOutcomeIsANewMessageWithoutThreadOrUpdate() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackStarted started = IncidentEvents.started(incident, target);

        UUID id = kafka.send(Topics.INCIDENT_EVENTS, started);
        kafka.send(Topics.INCIDENT_EVENTS, id, started);
        kafka.send(Topics.INCIDENT_EVENTS, IncidentEvents.succeeded(incident, target));

        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 2);
        assertThat(posts).hasSize(2).allSatisfy(post -> {
            assertThat(post.path()).isEqualTo(WEBHOOK_PATH);
            assertThat(json(post).has("thread_ts")).isFalse();
        });
        assertThat(posts.get(0).body()).contains("ROLLBACK INITIATED");
        assertThat(posts.get(1).body()).contains("ROLLBACK COMPLETED").contains("*Status*: Completed");
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.INCIDENT_EVENTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return IncidentEvents.opened(UUID.randomUUID(), target);
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentContextRecord.count("target", target.toString())) == 1);
    }

    /** Waits for the last of {@code count} posts about {@code target}, then returns all of them. */
    private static List<RecordingHttpServer.Request> awaitSlackPosts(TargetKey target, int count) {
        String service = "*Service*: " + target.service(); // unique per test; namespaces are shared
        await().atMost(TestKafka.PATIENCE).until(() -> SlackStubResource.slack.requestsContaining(service).size()
                >= count);
        return SlackStubResource.slack.requestsContaining(service);
    }

    private static JsonNode block(JsonNode message, String type) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .filter(block -> type.equals(block.path("type").asText())).findFirst().orElseThrow();
    }

    private static JsonNode json(RecordingHttpServer.Request request) {
        try {
            return EventJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApprovalRequested approvalRequested(UUID incident, TargetKey target) {
        ApprovalRequested f = EventFixtures.event(ApprovalRequested.class);
        return new ApprovalRequested(incident, target, UUID.randomUUID(), f.severity(), f.approvals(), f.excluded(),
                f.deadline(), f.expiresAt(), f.occurredAt());
    }
}
