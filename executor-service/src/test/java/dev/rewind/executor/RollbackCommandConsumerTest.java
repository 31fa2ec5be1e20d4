package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.count;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.execution;
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
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.sandbox.SimulatedDeploymentController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class RollbackCommandConsumerTest extends ServiceContract {

    private static final String SERVICE = "executor-service";

    @Test
    void rollsTheDeploymentBackToThePreviousRevisionAsKubectlWould() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());

        kafka.send(Topics.ROLLBACK_COMMANDS, command);

        RollbackSucceeded succeeded = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackSucceeded.class)),
                Topics.INCIDENT_EVENTS, RollbackSucceeded.class, SERVICE);
        assertThat(succeeded.message()).startsWith("deployment \"" + target.service() + "\" successfully rolled out; "
                + "verified: pods-ready, ");
        assertThat(succeeded.fromVersion()).isEqualTo("v1.3.0");
        assertThat(succeeded.toVersion()).isEqualTo("v1.2.5");
        RollbackStarted started = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackStarted.class)),
                Topics.INCIDENT_EVENTS, RollbackStarted.class, SERVICE);
        assertThat(started.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(started.fromRevision()).isEqualTo(2L);
        assertThat(started.toRevision()).isEqualTo(1L);

        Deployment deployment = deployment(target);
        assertThat(DeploymentRevisions.versionOf(deployment.getSpec().getTemplate())).isEqualTo("v1.2.5");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "3");
        assertThat(KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);
        assertThat(execution(command.incidentId()).state).isEqualTo(ExecutionState.SUCCEEDED);
    }

    @Test
    void failsWithEachMethodsWordsWhenThereIsNoEarlierRevisionNorLastGoodRelease() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.0.0");

        kafka.send(Topics.ROLLBACK_COMMANDS, command(target, UUID.randomUUID()));

        RollbackFailed failed = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackFailed.class)),
                Topics.INCIDENT_EVENTS, RollbackFailed.class, SERVICE);
        assertThat(failed.reason())
                .startsWith("no rollback method could roll back deployment " + target.namespace() + "/"
                        + target.service() + " (kubectl: no rollout history found for deployment \""
                        + target.service() + "\"; ")
                .contains("; redeploy: no last known good release to return deployment ");
        assertThat(KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service())).isEmpty();
    }

    @Test
    void refusesAPausedDeployment() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getSpec().setPaused(true);
                    return d;
                });

        kafka.send(Topics.ROLLBACK_COMMANDS, command(target, UUID.randomUUID()));

        RollbackFailed failed = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackFailed.class)),
                Topics.INCIDENT_EVENTS, RollbackFailed.class, SERVICE);
        assertThat(failed.reason()).startsWith("you cannot rollback a paused deployment");
        assertThat(KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service())).isEmpty();
    }

    @Test
    void restartsAStuckRolloutOnceThenFailsWithADiagnosis() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        KubernetesSandboxResource.sandbox.client().apps().replicaSets().inNamespace(target.namespace()).list().getItems()
                .stream().filter(rs -> "1".equals(rs.getMetadata().getAnnotations().get(DeploymentRevisions.REVISION)))
                .forEach(rs -> KubernetesSandboxResource.sandbox.client().apps().replicaSets().inNamespace(target.namespace())
                        .withName(rs.getMetadata().getName()).edit(r -> {
                            r.getSpec().getTemplate().getMetadata().setAnnotations(
                                    Map.of(SimulatedDeploymentController.SIMULATE, "progress-deadline-exceeded"));
                            return r;
                        }));

        kafka.send(Topics.ROLLBACK_COMMANDS, command(target, UUID.randomUUID()));

        RollbackFailed failed = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackFailed.class)),
                Topics.INCIDENT_EVENTS, RollbackFailed.class, SERVICE);
        assertThat(failed.reason()).isEqualTo("deployment \"" + target.service() + "\" exceeded its progress deadline"
                + " (after one rollout restart)");
        assertThat(failed.diagnosis()).isNotEmpty().anySatisfy(finding -> assertThat(finding)
                .contains("progress deadline"));
        Deployment deployment = deployment(target);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(KubernetesSandboxResource.sandbox.appliedDeploymentPatches(target.namespace(), target.service()))
                .as("one rollback; the restart writes one annotation, not a template").hasSize(1);
    }

    @Test
    void redeliveredAndDuplicateCommandsRollBackOncePerIncident() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2", "v3");
        UUID incident = UUID.randomUUID();
        RollbackApproved command = command(target, incident);
        RollbackApproved duplicate = command(target, incident);

        UUID id = kafka.send(Topics.ROLLBACK_COMMANDS, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, id, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, duplicate);

        kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackSucceeded.class));
        assertThat(count(target)).isEqualTo(1);
        assertThat(execution(incident).commandId).isEqualTo(command.commandId());
        assertThat(KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);
        assertThat(DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate())).isEqualTo("v2");
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.ROLLBACK_COMMANDS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        // No Deployment behind it: the executor records the command, then fails it for the missing Deployment.
        return command(target, UUID.randomUUID(), EventFixtures.event(RollbackApproved.class).release());
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> count(target) == 1);
    }
}
