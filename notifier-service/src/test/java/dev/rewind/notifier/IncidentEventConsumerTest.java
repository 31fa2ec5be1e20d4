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
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.Signal;
import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(SlackStubResource.class)
class IncidentEventConsumerTest extends ServiceContract {

    private static final String SERVICE = "notifier-service";

    @Test
    void rollbackStartAnnouncedOnSlackWithTheRunbookFields() throws Exception {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, granted(incident, target));
        UUID startedId = kafka.send(Topics.INCIDENT_EVENTS, started(incident, target));

        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 1);
        assertThat(posts.get(0).path()).isEqualTo("/services/T000/B000/XXXX");
        JsonNode message = EventJson.mapper().readTree(posts.get(0).body());
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("🚨 PRODUCTION ROLLBACK INITIATED");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).containsExactly(
                "*Environment*: Production",
                "*Service*: " + target.service(),
                "*From Version*: v1.3.0",
                "*To Version*: v1.2.5",
                "*Triggered By*: @john.doe",
                "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: In Progress");
        assertThat(message.get("text").asText()).contains("PRODUCTION ROLLBACK INITIATED");

        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.channel()).isEqualTo("slack");
        assertThat(delivered.aboutEventId()).isEqualTo(startedId);
        assertThat(delivered.aboutType()).isEqualTo("dev.rewind.rollback.started.v1");
    }

    @Test
    void approvalRequestPostedWithApproveAndRejectButtonsForTheRequest() throws Exception {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ApprovalRequested asked = approvalRequested(incident, target);

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        UUID askedId = kafka.send(Topics.INCIDENT_EVENTS, asked);

        JsonNode message = EventJson.mapper().readTree(awaitSlackPosts(target, 1).get(0).body());
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("⏳ PRODUCTION ROLLBACK NEEDS APPROVAL");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).contains(
                "*Severity*: " + asked.severity(),
                "*Reason*: High error rate (12% 5xx errors)",
                "*Who May Approve*: one person with role oncall or team-lead",
                "*May Not Approve*: jane.dev");
        assertThat(message.at("/blocks/3/element/action_id").asText()).isEqualTo("rewind_reason");
        assertThat(message.at("/blocks/4/elements").findValuesAsText("value"))
                .containsExactly(asked.requestId().toString(), asked.requestId().toString());
        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.aboutEventId()).isEqualTo(askedId);
    }

    @Test
    void aRollbackAwaitingApprovalWhoseAlertsAllResolvedIsAWarningAndEachResolvedAlertIsNoMessage() throws Exception {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        ApprovalAlertsResolved f = EventFixtures.event(ApprovalAlertsResolved.class);
        ApprovalAlertsResolved flagged = new ApprovalAlertsResolved(incident, target, UUID.randomUUID(), false,
                f.alertsResolvedAt(), f.note(), f.occurredAt());

        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
        kafka.send(Topics.INCIDENT_EVENTS, new AlertResolvedOnIncident(incident, target, "alertmanager", "fp-errors",
                Signal.ERROR_RATE, null, f.alertsResolvedAt(), f.alertsResolvedAt()));
        UUID flaggedId = kafka.send(Topics.INCIDENT_EVENTS, flagged);

        // The warning follows the resolved alert on the incident's partition: one post means none for the alert.
        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 1);
        assertThat(posts).hasSize(1);
        JsonNode message = EventJson.mapper().readTree(posts.get(0).body());
        assertThat(message.at("/blocks/0/text/text").asText())
                .isEqualTo("⚠️ PRODUCTION ALERTS RESOLVED, ROLLBACK STILL AWAITING APPROVAL");
        assertThat(message.at("/blocks/1/fields").findValuesAsText("text")).contains(
                "*Reason*: High error rate (12% 5xx errors)",
                "*Note*: Every alert of this incident resolved at 2026-11-15T14:34:00Z; the fault may have cleared: "
                        + "consider rejecting");
        assertThat(message.at("/blocks/2/elements/0/text").asText()).contains(flagged.requestId().toString());
        NotificationDelivered delivered = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, NotificationDelivered.class)),
                Topics.INCIDENT_EVENTS, NotificationDelivered.class, SERVICE);
        assertThat(delivered.aboutEventId()).isEqualTo(flaggedId);
        assertThat(delivered.aboutType()).isEqualTo("dev.rewind.approval.alerts-resolved.v1");
    }

    @Test
    void redeliveredEventIsAnnouncedOnce() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        RollbackStarted started = started(incident, target);

        UUID id = kafka.send(Topics.INCIDENT_EVENTS, started);
        kafka.send(Topics.INCIDENT_EVENTS, id, started);
        kafka.send(Topics.INCIDENT_EVENTS, succeeded(incident, target));

        List<RecordingHttpServer.Request> posts = awaitSlackPosts(target, 2);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).body()).contains("ROLLBACK INITIATED");
        assertThat(posts.get(1).body()).contains("ROLLBACK COMPLETED").contains("*Status*: Completed");
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.INCIDENT_EVENTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return opened(UUID.randomUUID(), target);
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> IncidentContextRecord.count("target", target.toString())) == 1);
    }

    /** Waits for the last of {@code count} posts about {@code target}, then returns all of them. */
    private static List<RecordingHttpServer.Request> awaitSlackPosts(TargetKey target, int count) {
        String service = "*Service*: " + target.service(); // unique per test; namespaces are shared
        await().atMost(TestKafka.PATIENCE).until(() -> SlackStubResource.slack.requestsContaining(service).size() >= count);
        return SlackStubResource.slack.requestsContaining(service);
    }

    static IncidentOpened opened(UUID incident, TargetKey target) {
        IncidentOpened f = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, f.incidentNumber(), target, f.severity(), f.signal(), f.reason(),
                f.version(), f.occurredAt());
    }

    static ApprovalRequested approvalRequested(UUID incident, TargetKey target) {
        ApprovalRequested f = EventFixtures.event(ApprovalRequested.class);
        return new ApprovalRequested(incident, target, UUID.randomUUID(), f.severity(), f.approvals(), f.excluded(),
                f.deadline(), f.expiresAt(), f.occurredAt());
    }

    static ApprovalGranted granted(UUID incident, TargetKey target) {
        ApprovalGranted f = EventFixtures.event(ApprovalGranted.class);
        return new ApprovalGranted(incident, target, f.requestId(), f.approvedBy(), f.automatic(), f.comment(),
                f.notifyRoles(), f.occurredAt());
    }

    static RollbackStarted started(UUID incident, TargetKey target) {
        RollbackStarted f = EventFixtures.event(RollbackStarted.class);
        return new RollbackStarted(incident, target, f.executionId(), f.method(), f.fromRevision(), f.toRevision(),
                f.fromVersion(), f.toVersion(), f.occurredAt());
    }

    static RollbackSucceeded succeeded(UUID incident, TargetKey target) {
        RollbackSucceeded f = EventFixtures.event(RollbackSucceeded.class);
        return new RollbackSucceeded(incident, target, f.executionId(), f.method(), f.fromVersion(), f.toVersion(),
                f.message(), f.occurredAt());
    }
}
