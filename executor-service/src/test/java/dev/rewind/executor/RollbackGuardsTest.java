package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.execution;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.executor.Rollbacks.release;
import static dev.rewind.executor.Rollbacks.running;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.kubernetes.KubectlUndo;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.service.ExecutionLedger;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The executor acts only while the world is what the decision saw, and only where the environment allows. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class RollbackGuardsTest extends KafkaClientTest {

    @Test
    void refusesWhenSomeoneDeployedAfterTheDecision() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        Release judged = running(target);
        release(target, "v1.4.0");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID(), judged), RollbackFailed.class);

        assertThat(failed.reason()).isEqualTo("deployment shop/" + target.service() + " now runs revision 3 {"
                + target.service() + "=registry.example/shop/checkout:v1.4.0}, not revision 2 {" + target.service()
                + "=registry.example/shop/checkout:v1.3.0} that incident 123 judged bad: already rolled back or "
                + "deployed again; not rolling back");
        assertThat(appliedPatches(target)).isZero();
        assertThat(versionOf(target)).isEqualTo("v1.4.0");
    }

    @Test
    void aSecondIncidentAboutTheSameBadReleaseDoesNotRollBackTheRollback() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        Release judged = running(target);
        outcome(kafka, target, command(target, UUID.randomUUID(), judged), RollbackSucceeded.class);

        RollbackFailed second = outcome(kafka, target, command(target, UUID.randomUUID(), judged), RollbackFailed.class);

        assertThat(second.reason()).contains("now runs revision 3 {" + target.service()
                + "=registry.example/shop/checkout:v1.2.5}, not revision 2").contains("already rolled back");
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void refusesAnotherAutomaticRollbackOfTheTargetWithinTheCooldown() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);
        release(target, "v1.3.0");

        RollbackFailed second = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(second.reason()).startsWith("deployment shop/" + target.service() + " was rolled back ")
                .contains("ago for incident 123; not rolling back again automatically within the cooldown of 15 min");
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.3.0");
    }

    @Test
    void aPersonsCooldownOverrideRollsBackWithinTheCooldownAndSaysSo() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);
        release(target, "v1.3.0");
        RollbackFailed refused = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);
        UUID overridden = UUID.randomUUID();

        outcome(kafka, target, command(target, overridden, running(target), List.of(DeclineReason.COOLDOWN)),
                RollbackSucceeded.class);

        assertThat(refused.reason()).as("without the override, as before").contains("within the cooldown");
        assertThat(appliedPatches(target)).isEqualTo(2);
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        RollbackStepCompleted step = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackStepCompleted.class).and(r -> r.value().contains(overridden.toString()))
                        .and(r -> r.value().contains(ExecutionLedger.COOLDOWN_OVERRIDDEN))).value(),
                RollbackStepCompleted.class);
        assertThat(step.detail()).startsWith("cooldown check skipped: a person overrode the COOLDOWN guard")
                .contains("was rolled back");
    }

    @Test
    void aCooldownOverrideSkipsOnlyTheCooldownNotTheReleaseCheck() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        Release judged = running(target);
        outcome(kafka, target, command(target, UUID.randomUUID(), judged), RollbackSucceeded.class);

        RollbackFailed second = outcome(kafka, target,
                command(target, UUID.randomUUID(), judged, List.of(DeclineReason.COOLDOWN)), RollbackFailed.class);

        assertThat(second.reason()).contains("already rolled back");
        assertThat(appliedPatches(target)).isOne();
    }

    @Test
    void aCooldownOverrideNeverReturnsTheTargetToTheReleaseItWasRolledBackFrom() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        UUID first = UUID.randomUUID();
        outcome(kafka, target, command(target, first), RollbackSucceeded.class);

        // Alerts again within the cooldown: the held request names the running v1.2.5, and a person overrides the hold.
        RollbackFailed second = outcome(kafka, target,
                command(target, UUID.randomUUID(), running(target), List.of(DeclineReason.COOLDOWN)),
                RollbackFailed.class);

        assertThat(second.reason()).isEqualTo("deployment shop/" + target.service() + ": the undo target revision 2 "
                + "runs {" + target.service() + "=registry.example/shop/checkout:v1.3.0}, the release incident 123 "
                + "judged bad and rolled back from at " + execution(first).finishedAt.truncatedTo(ChronoUnit.SECONDS)
                + "; not rolling back to it, whatever guards were overridden: roll back to an explicit revision "
                + "instead ('kubectl rollout history' lists them)");
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void aCooldownOverrideAfterANewReleaseRollsBackToTheReleaseBeforeIt() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);
        release(target, "v1.3.1");

        outcome(kafka, target, command(target, UUID.randomUUID(), running(target), List.of(DeclineReason.COOLDOWN)),
                RollbackSucceeded.class);

        assertThat(appliedPatches(target)).isEqualTo(2);
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void aResumedPlanRecordedWithoutTheCheckIsRefusedRightBeforeThePatch() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);
        // An execution planned by an executor without this check (undo to revision 2, v1.3.0), left to be resumed.
        UndoPlan plan = KubectlUndo.plan(deployment(target), KubernetesSandboxResource.sandbox.client().apps()
                .replicaSets().inNamespace(target.namespace()).list().getItems(), 0);
        UUID incidentId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> resumable(target, incidentId, plan).persist());

        RollbackFailed resumed = outcomeOf(kafka, target, incidentId, RollbackFailed.class);

        assertThat(resumed.reason()).startsWith("deployment shop/" + target.service() + ": the undo target revision 2 "
                + "runs {" + target.service() + "=registry.example/shop/checkout:v1.3.0}, the release incident 123 "
                + "judged bad");
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    @Test
    void refusesATargetInANamespaceItsEnvironmentDoesNotOwn() {
        TargetKey target = new TargetKey("development", "payments", uniqueTarget("development").service());
        KubernetesSandboxResource.sandbox.deployWithHistory("payments", target.service(), Rollbacks.IMAGE,
                List.of("v1.2.5", "v1.3.0"));

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).isEqualTo("namespace 'payments' does not belong to environment 'development' "
                + "(its namespaces: shop); Rewind does not act on it");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void refusesADeploymentWithoutItsEnvironmentsLabelsAndRollsBackOneWithThem() {
        TargetKey unlabelled = uniqueTarget("production");
        deploy(unlabelled, "v1.2.5", "v1.3.0");
        TargetKey labelled = uniqueTarget("production");
        deploy(labelled, "v1.2.5", "v1.3.0");
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(labelled.namespace())
                .withName(labelled.service()).edit(d -> {
                    d.getMetadata().getLabels().put("environment", "production");
                    return d;
                });

        RollbackFailed refused = outcome(kafka, unlabelled, command(unlabelled, UUID.randomUUID()), RollbackFailed.class);
        outcome(kafka, labelled, command(labelled, UUID.randomUUID()), RollbackSucceeded.class);

        assertThat(refused.reason()).isEqualTo("deployment payments/" + unlabelled.service() + " does not carry the "
                + "labels of environment 'production' {environment=production} (its labels: {app="
                + unlabelled.service() + "}); Rewind does not act on it: fix the Deployment's labels or "
                + "rewind.environments.production.deployment-labels");
        assertThat(appliedPatches(unlabelled)).isZero();
        assertThat(appliedPatches(labelled)).isOne();
    }

    /** A RUNNING execution of {@code plan} nobody holds, as an executor that stopped before its patch leaves it. */
    private static ExecutionRecord resumable(TargetKey target, UUID incidentId, UndoPlan plan) {
        ExecutionRecord execution = new ExecutionRecord();
        execution.id = UUID.randomUUID();
        execution.incidentId = incidentId;
        execution.commandId = UUID.randomUUID();
        execution.target = target.toString();
        execution.method = RollbackMethod.KUBECTL;
        execution.state = ExecutionState.RUNNING;
        execution.plan = Serialization.asJson(plan);
        execution.fromRevision = plan.fromRevision();
        execution.toRevisionResolved = plan.toRevision();
        execution.judgedRelease = Serialization.asJson(running(target));
        execution.incidentNumber = 124L;
        execution.createdAt = Instant.now();
        execution.updatedAt = execution.createdAt;
        return execution;
    }

    private static String versionOf(TargetKey target) {
        return DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate());
    }
}
