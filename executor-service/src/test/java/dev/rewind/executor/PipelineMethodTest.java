package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.chainCommand;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.eventsUntil;
import static dev.rewind.executor.Rollbacks.execution;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.executor.Rollbacks.release;
import static dev.rewind.executor.pipeline.BitbucketStubResource.bitbucket;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.pipeline.BitbucketStub;
import dev.rewind.executor.pipeline.BitbucketStubResource;
import dev.rewind.executor.strategy.PipelineStrategy;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.SimulatedDeploymentController;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The runbook's Method 1 against a local stand-in for Bitbucket Pipelines: trigger, follow, hand over, never twice. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
@WithTestResource(BitbucketStubResource.class)
class PipelineMethodTest extends KafkaClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runsTheRollbackPipelineFollowsItAndChecksWhatItDeployed() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        annotate(target, "acme/" + target.service());
        RollbackApproved command = chainCommand(target, null);

        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        BitbucketStub.Request trigger = awaitTrigger(target);
        JsonNode body = JSON.readTree(trigger.body());
        assertThat(body.at("/target/selector/pattern").asText()).isEqualTo("rollback-development");
        assertThat(variables(body)).containsEntry("SERVICE", target.service()).containsEntry("VERSION", "v1.2.5")
                .containsEntry("REWIND_EXECUTION", execution(command.incidentId()).id.toString());
        // The CI deploys the last good version, then its run succeeds.
        release(target, "v1.2.5");
        bitbucket.setState(runOf(target), "COMPLETED", "SUCCESSFUL", null);

        RollbackSucceeded succeeded = outcomeOf(kafka, target, command.incidentId(), RollbackSucceeded.class);
        assertThat(succeeded.method()).isEqualTo(RollbackMethod.PIPELINE);
        assertThat(succeeded.message()).startsWith("pipeline rollback-development run #")
                .contains("succeeded; deployment \"" + target.service() + "\" successfully rolled out");
        assertThat(steps(target, RollbackSucceeded.class)).anySatisfy(step -> assertThat(step.step())
                .isEqualTo("pipeline-started"));
        assertThat(triggersOf(target)).hasSize(1);
        assertThat(appliedPatches(target)).as("the CI deployed, not Rewind").isZero();
    }

    @Test
    void aFailedRunHandsOverToKubectlWhichChecksTheTargetAgain() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = rollBackThroughThePipeline(target);
        bitbucket.setState(runOf(target), "COMPLETED", "FAILED", null);

        assertHandedOverToKubectl(target, command, "did not succeed (COMPLETED/FAILED)");
    }

    @Test
    void aTriggerLeftUnansweredIsNeverSentAgainNorFollowedByAnotherMethod() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        annotate(target, "acme/" + target.service());
        CountDownLatch held = bitbucket.holdNextTrigger();
        RollbackApproved command = chainCommand(target, null);

        kafka.send(Topics.ROLLBACK_COMMANDS, command);

        RollbackFailed failed = outcomeOf(kafka, target, command.incidentId(), RollbackFailed.class);
        held.countDown();
        assertThat(failed.reason()).contains("a run may have started")
                .contains("none is started again and no other method runs");
        assertThat(triggersOf(target)).hasSize(1);
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aRunThatDeployedSomethingElseIsNotASuccess() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = rollBackThroughThePipeline(target);
        release(target, "v1.2.6-hotfix");
        bitbucket.setState(runOf(target), "COMPLETED", "SUCCESSFUL", null);

        RollbackFailed failed = outcomeOf(kafka, target, command.incidentId(), RollbackFailed.class);
        assertThat(failed.reason()).contains("succeeded but deployment " + target.namespace() + "/"
                + target.service() + " runs").contains("v1.2.6-hotfix").contains("check what the pipeline deployed");
    }

    @Test
    void aRunThatSucceededButDeployedNothingHandsOverToKubectl() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = rollBackThroughThePipeline(target);
        bitbucket.setState(runOf(target), "COMPLETED", "SUCCESSFUL", null);

        assertHandedOverToKubectl(target, command, "succeeded, but deployment " + target.namespace() + "/"
                + target.service() + " still runs the release judged bad {" + target.service() + "=" + Rollbacks.IMAGE
                + ":v1.3.0} PT0.3S later: the pipeline deployed nothing");
    }

    @Test
    void aRunThatDeployedNothingOverABrokenReleaseHandsOverBeforeFollowingItsStuckRollout() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5");
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(Rollbacks.IMAGE + ":v1.3.0");
                    d.getSpec().getTemplate().getMetadata().setAnnotations(new HashMap<>(Map.of(
                            SimulatedDeploymentController.SIMULATE, "crash-loop")));
                    return d;
                });
        KubernetesSandboxResource.sandbox.controller().reconcileNow(target.namespace(), target.service());
        RollbackApproved command = rollBackThroughThePipeline(target);
        bitbucket.setState(runOf(target), "COMPLETED", "SUCCESSFUL", null);

        assertHandedOverToKubectl(target, command, "succeeded, but deployment " + target.namespace() + "/"
                + target.service() + " still runs the release judged bad {" + target.service() + "=" + Rollbacks.IMAGE
                + ":v1.3.0} PT0.3S later: the pipeline deployed nothing");
    }

    /** The pipeline's run handed over, saying {@code why}, and kubectl rolled back: one patch, one run started. */
    private void assertHandedOverToKubectl(TargetKey target, RollbackApproved command, String why) {
        RollbackSucceeded succeeded = outcomeOf(kafka, target, command.incidentId(), RollbackSucceeded.class);
        assertThat(succeeded.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(succeeded.toVersion()).isEqualTo("v1.2.5");
        assertThat(steps(target, RollbackSucceeded.class)).anySatisfy(step -> assertThat(step.detail())
                .startsWith("pipeline cannot roll back: pipeline rollback-development run #")
                .endsWith(why + "; trying kubectl next"));
        assertThat(appliedPatches(target)).isEqualTo(1);
        assertThat(triggersOf(target)).hasSize(1);
    }

    /** Names the target's pipeline repository, sends a rollback command, and waits for the run it starts. */
    private RollbackApproved rollBackThroughThePipeline(TargetKey target) {
        annotate(target, "acme/" + target.service());
        RollbackApproved command = chainCommand(target, null);
        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        awaitTrigger(target);
        return command;
    }

    private static BitbucketStub.Request awaitTrigger(TargetKey target) {
        await().until(() -> triggersOf(target).size() == 1);
        return triggersOf(target).get(0);
    }

    private static List<BitbucketStub.Request> triggersOf(TargetKey target) {
        return bitbucket.requests("POST").stream()
                .filter(r -> r.rawPath().contains("/acme/" + target.service() + "/")).toList();
    }

    /** The uuid of the run started for {@code target}. */
    private static String runOf(TargetKey target) {
        return await().until(() -> bitbucket.newestRunOf("acme/" + target.service()), Optional::isPresent).get();
    }

    private static Map<String, String> variables(JsonNode body) {
        Map<String, String> variables = new HashMap<>();
        body.path("variables").forEach(v -> variables.put(v.path("key").asText(), v.path("value").asText()));
        return variables;
    }

    private List<RollbackStepCompleted> steps(TargetKey target, Class<? extends IncidentEvent> last) {
        return eventsUntil(kafka, target, RollbackStepCompleted.class, last);
    }

    private static void annotate(TargetKey target, String repository) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().put(PipelineStrategy.REPOSITORY_ANNOTATION, repository);
                    return d;
                });
    }
}
