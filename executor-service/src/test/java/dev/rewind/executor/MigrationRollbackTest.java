package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.eventsUntil;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.migration.MigrationJobs;
import dev.rewind.kubernetes.MigrationMark;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runbook's "Database Migration Rollback": the migration goes back first, or nothing goes back automatically. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class MigrationRollbackTest extends KafkaClientTest {

    @Test
    void aReversibleMigrationIsRolledBackByItsJobBeforeTheApplication() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        mark(target, "reversible");
        RollbackApproved command = command(target, UUID.randomUUID());

        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        Job job = awaitJob(target);
        assertThat(job.getMetadata().getName()).startsWith(target.service() + "-migrate-");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsSubsequence("--down-to", "v1.2.5");
        assertThat(appliedPatches(target)).as("the application waits for the migration").isZero();
        finish(target, job, "Complete", null);

        outcomeOf(kafka, target, command.incidentId(), RollbackSucceeded.class);
        assertThat(appliedPatches(target)).isEqualTo(1);
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackSucceeded.class))
                .filteredOn(step -> step.step().equals("migration-rolled-back")).singleElement()
                .extracting(RollbackStepCompleted::detail).asString().endsWith("completed");
        assertThat(jobs(target)).hasSize(1);
    }

    @Test
    void aFailedMigrationJobLeavesTheApplicationAlone() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        mark(target, "reversible");
        RollbackApproved command = command(target, UUID.randomUUID());

        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        finish(target, awaitJob(target), "Failed", "BackoffLimitExceeded");

        RollbackFailed failed = outcomeOf(kafka, target, command.incidentId(), RollbackFailed.class);
        assertThat(failed.reason()).contains("failed (BackoffLimitExceeded: ").contains("the application was not "
                + "rolled back");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void anIrreversibleMigrationIsNeverRolledBackAutomatically() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        mark(target, "irreversible");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).contains("irreversible database migration");
        assertThat(appliedPatches(target)).isZero();
        assertThat(jobs(target)).isEmpty();
    }

    private static void mark(TargetKey target, String migration) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().put(MigrationMark.ANNOTATION, migration);
                    return d;
                });
    }

    private static Job awaitJob(TargetKey target) {
        return await().until(() -> jobs(target).stream().findFirst(), Optional::isPresent).get();
    }

    private static List<Job> jobs(TargetKey target) {
        return KubernetesSandboxResource.sandbox.client().batch().v1().jobs().inNamespace(target.namespace()).list()
                .getItems().stream().filter(j -> j.getMetadata().getName().startsWith(target.service() + "-migrate-")
                        && j.getMetadata().getLabels().containsKey(MigrationJobs.EXECUTION_LABEL)).toList();
    }

    /** What the Job controller writes when the Job ends. */
    private static void finish(TargetKey target, Job job, String condition, String reason) {
        job.setStatus(new JobStatusBuilder().withConditions(new JobConditionBuilder().withType(condition)
                .withStatus("True").withReason(reason).withMessage(reason == null ? null : "the migration failed")
                .build()).build());
        KubernetesSandboxResource.sandbox.client().batch().v1().jobs().inNamespace(target.namespace())
                .resource(job).updateStatus();
    }
}
