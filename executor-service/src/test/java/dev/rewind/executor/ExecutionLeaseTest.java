package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.eventsUntil;
import static dev.rewind.executor.Rollbacks.execution;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.persistence.ExecutionLease;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An execution whose driver died is taken over once its lease expired, and resumes without repeating a step. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class ExecutionLeaseTest extends KafkaClientTest {

    @Inject
    ExecutionLease lease;

    @Inject
    ExecutorConfig config;

    @Test
    void anExecutionTakenOverAfterItsPatchNeitherPatchesNorAnnouncesAgain() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        AutoCloseable slowPods = KubernetesSandboxResource.sandbox.controller().holdRollouts(target.namespace(),
                target.service());
        RollbackApproved command = command(target, UUID.randomUUID());
        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        await().atMost(TestKafka.PATIENCE).until(() -> {
            ExecutionRecord execution = execution(command.incidentId());
            return execution != null && execution.patchedAt != null;
        });

        // The instance driving it is presumed dead: its lease now names one that never renews, and has expired.
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(
                        "UPDATE execution SET lease_owner = 'executor-that-died', "
                                + "lease_expires_at = clock_timestamp() - interval '1 second' WHERE incident_id = ?1")
                .setParameter(1, command.incidentId()).executeUpdate());
        slowPods.close();

        outcomeOf(kafka, target, command.incidentId(), RollbackSucceeded.class);
        assertThat(eventsUntil(kafka, target, RollbackStarted.class, RollbackSucceeded.class)).hasSize(1);
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackSucceeded.class))
                .extracting(RollbackStepCompleted::step).filteredOn(step -> !step.startsWith("verify-"))
                .containsExactly("accepted", "patched");
        assertThat(appliedPatches(target)).isOne();
        ExecutionRecord finished = execution(command.incidentId());
        assertThat(finished.state).isEqualTo(ExecutionState.SUCCEEDED);
        assertThat(finished.leaseOwner).isNull();
    }

    @Test
    void aRestartedNamedInstanceTakesItsEarlierRunsLeasesAtOnceAndTheEarlierRunLosesThem() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        try (AutoCloseable slowPods = KubernetesSandboxResource.sandbox.controller().holdRollouts(target.namespace(),
                target.service())) {
            RollbackApproved command = command(target, UUID.randomUUID());
            kafka.send(Topics.ROLLBACK_COMMANDS, command);
            await().atMost(TestKafka.PATIENCE).until(() -> {
                ExecutionRecord execution = execution(command.incidentId());
                return execution != null && execution.patchedAt != null;
            });
            UUID id = execution(command.incidentId()).id;
            assertThat(lease.claimable()).as("held by this run, which drives it").contains(id);

            // Two runs of instance "executor-7f9c": the earlier one holds the lease, far from expiring.
            ExecutionLease earlier = new ExecutionLease(config, Optional.of("executor-7f9c"));
            ExecutionLease restarted = new ExecutionLease(config, Optional.of("executor-7f9c"));
            assertThat(earlier.owner()).startsWith("executor-7f9c/").isNotEqualTo(restarted.owner());
            holdLease(id, earlier.owner(), "1 hour");
            assertThat(lease.claimable()).as("another live instance's").doesNotContain(id);
            assertThat(lease.take(id)).isEmpty();

            assertThat(restarted.claimable()).as("its earlier run's").contains(id);
            assertThat(restarted.take(id)).isPresent();
            assertThat(earlier.renew(List.of(id))).as("lost by the earlier run").containsExactly(id);
            assertThat(restarted.renew(List.of(id))).isEmpty();

            // Given back for the other tests' sake: this instance finishes it.
            holdLease(id, null, null);
        }
    }

    private static void holdLease(UUID id, String owner, String forHowLong) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (owner == null) {
                Panache.getEntityManager().createNativeQuery(
                                "UPDATE execution SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ?1")
                        .setParameter(1, id).executeUpdate();
            } else {
                Panache.getEntityManager().createNativeQuery("UPDATE execution SET lease_owner = ?2, "
                                + "lease_expires_at = clock_timestamp() + interval '" + forHowLong + "' WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, owner).executeUpdate();
            }
        });
    }
}
