package dev.rewind.approval;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.Hold;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class RollbackRequestConsumerTest extends ServiceContract {

    private static final String SERVICE = "approval-service";

    @Test
    void developmentRequestIsApprovedByPolicyAndCommanded() {
        TargetKey target = uniqueTarget("development");
        RollbackRequested request = request(target);

        kafka.send(Topics.ROLLBACK_REQUESTS, request);

        RollbackApproved command = assertCloudEvent(kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target)),
                Topics.ROLLBACK_COMMANDS, RollbackApproved.class, SERVICE);
        assertThat(command.requestId()).isEqualTo(request.requestId());
        assertThat(command.incidentId()).isEqualTo(request.incidentId());
        assertThat(command.severity()).isEqualTo(request.severity());
        assertThat(command.method()).isEqualTo(request.method());
        assertThat(command.approvedBy()).isEmpty();
        assertThat(command.release()).as("the release judged bad goes on to the executor").isEqualTo(request.release());
        ApprovalGranted granted = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalGranted.class)),
                Topics.INCIDENT_EVENTS, ApprovalGranted.class, SERVICE);
        assertThat(granted.automatic()).isTrue();
        assertThat(granted.approvedBy()).isEqualTo("policy");
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void productionRequestWaitsForAnApproverUntilTheSeverityDeadline() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = request(target);

        kafka.send(Topics.ROLLBACK_REQUESTS, request);

        ApprovalRequested asked = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalRequested.class)),
                Topics.INCIDENT_EVENTS, ApprovalRequested.class, SERVICE);
        assertThat(asked.approvals()).as("P1: one on-call engineer, or a team lead instead")
                .containsExactly(List.of("oncall", "team-lead"));
        assertThat(asked.excluded()).as("the requester and the deploy's author").containsExactly("rewind-detector",
                "jane.dev");
        assertThat(Duration.between(asked.occurredAt(), asked.deadline())).isEqualTo(Duration.ofMinutes(15));
        assertThat(Duration.between(asked.occurredAt(), asked.expiresAt())).isEqualTo(Duration.ofHours(24));
        ApprovalRequestRecord stored = stored(request.requestId());
        assertThat(stored.state).isEqualTo(ApprovalState.PENDING);
        assertThat(outboxRows(target)).as("no command while pending").isEqualTo(1);
    }

    @Test
    void aManualRollbackWaitsForAPersonEvenInDevelopment() {
        TargetKey target = uniqueTarget("development");
        RollbackRequested r = request(target);
        RollbackRequested manual = new RollbackRequested(r.requestId(), r.incidentId(), r.incidentNumber(), target,
                Severity.P2, Signal.RESOURCE_SATURATION, "CPU at 97% for 10 minutes", ExecutionMode.MANUAL, r.method(),
                r.toRevision(), r.release(), r.rollbackTo(), r.deployedBy(), null, r.requestedBy(), r.evidence(),
                r.occurredAt());

        kafka.send(Topics.ROLLBACK_REQUESTS, manual);

        ApprovalRequested asked = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalRequested.class)),
                Topics.INCIDENT_EVENTS, ApprovalRequested.class, SERVICE);
        assertThat(asked.approvals()).containsExactly(List.of("oncall", "team-lead", "developer"));
        assertThat(stored(manual.requestId()).state).isEqualTo(ApprovalState.PENDING);
        assertThat(outboxRows(target)).as("no command while pending").isEqualTo(1);
    }

    @Test
    void stagingRequestIsApprovedByPolicyAndTheTeamLeadIsTold() {
        TargetKey target = uniqueTarget("staging");

        kafka.send(Topics.ROLLBACK_REQUESTS, request(target));

        ApprovalGranted granted = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalGranted.class)),
                Topics.INCIDENT_EVENTS, ApprovalGranted.class, SERVICE);
        assertThat(granted.automatic()).isTrue();
        assertThat(granted.notifyRoles()).containsExactly("team-lead");
        kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target));
    }

    @Test
    void requestAGuardHeldWaitsForAnOverrideAndCommandsNothing() {
        TargetKey target = uniqueTarget("development");
        RollbackRequested request = held(target);

        kafka.send(Topics.ROLLBACK_REQUESTS, request);

        await().atMost(TestKafka.PATIENCE).until(() -> stored(request.requestId()) != null);
        ApprovalRequestRecord stored = stored(request.requestId());
        assertThat(stored.state).as("even where no approval is needed").isEqualTo(ApprovalState.HELD);
        assertThat(stored.holdCode).isEqualTo(DeclineReason.COOLDOWN);
        assertThat(outboxRows(target)).as("the detector told the incident why; nothing to command").isZero();
    }

    @Test
    void requestAboutANamespaceItsEnvironmentDoesNotOwnIsDeclinedNotApproved() {
        TargetKey production = uniqueTarget("production");
        TargetKey target = new TargetKey("development", production.namespace(), production.service());
        RollbackRequested request = request(target);

        kafka.send(Topics.ROLLBACK_REQUESTS, request);

        RollbackDeclined declined = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class)),
                Topics.INCIDENT_EVENTS, RollbackDeclined.class, SERVICE);
        assertThat(declined.code()).isEqualTo(DeclineReason.TARGET_NOT_CONFIGURED);
        assertThat(declined.reason()).contains("namespace 'payments' does not belong to environment 'development'");
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.REJECTED);
        assertThat(outboxRows(target)).as("declined, and no command").isEqualTo(1);
    }

    @Test
    void redeliveredRequestIsApprovedOnce() {
        TargetKey target = uniqueTarget("development");
        RollbackRequested request = request(target);
        RollbackRequested next = request(target);

        UUID id = kafka.send(Topics.ROLLBACK_REQUESTS, request);
        kafka.send(Topics.ROLLBACK_REQUESTS, id, request);
        kafka.send(Topics.ROLLBACK_REQUESTS, next);

        await().atMost(TestKafka.PATIENCE).until(() -> stored(next.requestId()) != null);
        assertThat(outboxRows(target)).as("granted + approved, for each of two requests").isEqualTo(4);
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.ROLLBACK_REQUESTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return request(target);
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ApprovalRequestRecord.count("target", target.toString())) == 1);
    }

    static RollbackRequested request(TargetKey target) {
        RollbackRequested fixture = EventFixtures.event(RollbackRequested.class);
        return new RollbackRequested(UUID.randomUUID(), UUID.randomUUID(), fixture.incidentNumber(), target,
                fixture.severity(), fixture.signal(), fixture.reason(), fixture.mode(), fixture.method(),
                fixture.toRevision(), fixture.release(), fixture.rollbackTo(), fixture.deployedBy(), fixture.hold(),
                fixture.requestedBy(), fixture.evidence(), fixture.occurredAt());
    }

    static RollbackRequested held(TargetKey target) {
        RollbackRequested r = request(target);
        return new RollbackRequested(r.requestId(), r.incidentId(), r.incidentNumber(), target, r.severity(),
                r.signal(), r.reason(), r.mode(), r.method(), r.toRevision(), r.release(), r.rollbackTo(),
                r.deployedBy(), new Hold(DeclineReason.COOLDOWN, "checkout was rolled back 4 minutes ago"),
                r.requestedBy(), r.evidence(), r.occurredAt());
    }

    private static ApprovalRequestRecord stored(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord.<ApprovalRequestRecord>findById(requestId));
    }

    private static long outboxRows(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey", target.toString()));
    }
}
