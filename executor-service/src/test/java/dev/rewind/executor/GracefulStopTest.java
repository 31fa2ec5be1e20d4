package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.execution;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.RollbackRunner;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A graceful stop (a rolling update of the executor) leaves the execution in flight resumable, not failed. */
@QuarkusTest
@TestProfile(GracefulStopTest.OwnApplication.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GracefulStopTest {

    /** This test stops the executor's runner, so it gets an application of its own. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    RollbackRunner runner;

    @Test
    void aGracefulStopLeavesTheExecutionInFlightAsRecordedWithItsLeaseGivenBack() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());
        try (TestKafka kafka = TestKafka.connect();
             AutoCloseable outage = KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(),
                     target.service(), 503, Integer.MAX_VALUE)) {
            kafka.send(Topics.ROLLBACK_COMMANDS, command);
            await().atMost(TestKafka.PATIENCE).until(() -> {
                ExecutionRecord execution = execution(command.incidentId());
                return execution != null && execution.leaseOwner != null;
            });

            runner.stopGracefully();
        }

        ExecutionRecord stopped = execution(command.incidentId());
        assertThat(stopped.state).isEqualTo(ExecutionState.ACCEPTED);
        assertThat(stopped.message).isNull();
        assertThat(stopped.leaseOwner).isNull();
        assertThat(failuresRecordedFor(command.incidentId())).isZero();
    }

    private static long failuresRecordedFor(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND payload LIKE ?2")
                .setParameter(1, Topic.typeOf(RollbackFailed.class))
                .setParameter(2, "%" + incidentId + "%").getSingleResult()).longValue());
    }
}
