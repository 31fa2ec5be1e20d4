package dev.rewind.executor;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RollbackCommandConsumerTest extends ServiceContract {

    private static final String SERVICE = "executor-service";

    @Test
    void approvedRollbackBecomesTheIncidentsExecution() {
        TargetKey target = uniqueTarget("development");
        RollbackApproved command = command(target, UUID.randomUUID());

        kafka.send(Topics.ROLLBACK_COMMANDS, command);

        RollbackStepCompleted accepted = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackStepCompleted.class)),
                Topics.INCIDENT_EVENTS, RollbackStepCompleted.class, SERVICE);
        assertThat(accepted.step()).isEqualTo("accepted");
        assertThat(accepted.incidentId()).isEqualTo(command.incidentId());
        ExecutionRecord execution = execution(command.incidentId());
        assertThat(execution.id).isEqualTo(accepted.executionId());
        assertThat(execution.state).isEqualTo(ExecutionState.ACCEPTED);
        assertThat(execution.method).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(execution.commandId).isEqualTo(command.commandId());
    }

    @Test
    void redeliveredAndDuplicateCommandsMakeOneExecutionPerIncident() {
        TargetKey target = uniqueTarget("development");
        UUID incident = UUID.randomUUID();
        RollbackApproved command = command(target, incident);
        RollbackApproved duplicate = command(target, incident);
        RollbackApproved otherIncident = command(target, UUID.randomUUID());

        UUID id = kafka.send(Topics.ROLLBACK_COMMANDS, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, id, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, duplicate);
        kafka.send(Topics.ROLLBACK_COMMANDS, otherIncident);

        await().atMost(TestKafka.PATIENCE).until(() -> execution(otherIncident.incidentId()) != null);
        assertThat(execution(incident).commandId).isEqualTo(command.commandId());
        assertThat(count(target)).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey", target.toString())))
                .isEqualTo(2);
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.ROLLBACK_COMMANDS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return command(target, UUID.randomUUID());
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> count(target) == 1);
    }

    private static RollbackApproved command(TargetKey target, UUID incidentId) {
        RollbackApproved fixture = EventFixtures.event(RollbackApproved.class);
        return new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), incidentId, fixture.incidentNumber(),
                target, fixture.severity(), fixture.reason(), fixture.method(), fixture.toRevision(),
                fixture.approvedBy(), fixture.occurredAt());
    }

    private static ExecutionRecord execution(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionRecord.forIncident(incidentId).orElse(null));
    }

    private static long count(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionRecord.count("target", target.toString()));
    }
}
