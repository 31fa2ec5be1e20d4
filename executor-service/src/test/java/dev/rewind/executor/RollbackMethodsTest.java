package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.IMAGE;
import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.chainCommand;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.eventsUntil;
import static dev.rewind.executor.Rollbacks.execution;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.release;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.RecordingDispatcher;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chain of rollback methods: each tried in order until one can roll the target back, each step reported. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class RollbackMethodsTest extends KafkaClientTest {

    @Test
    void redeploysTheLastGoodImagesWhenTheRolloutHistoryIsGone() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        Release lastGood = new Release(1, Map.of(target.service(), IMAGE + ":v1.2.5"));
        garbageCollectRevision(target, 1);

        RollbackApproved command = chainCommand(target, lastGood);
        RollbackSucceeded succeeded = outcome(kafka, target, command, RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.REDEPLOY);
        assertThat(succeeded.toVersion()).isEqualTo("v1.2.5");
        Deployment deployment = deployment(target);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo(IMAGE + ":v1.2.5");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.CHANGE_CAUSE,
                "rewind: redeployed the images of revision 1 (incident " + command.incidentNumber() + ")");
        assertThat(appliedPatches(target)).isEqualTo(1);
        var steps = eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackSucceeded.class).stream()
                .filter(s -> s.step().equals("method-unavailable")).map(RollbackStepCompleted::detail).toList();
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)).startsWith("pipeline cannot roll back: ").endsWith("; trying kubectl next");
        assertThat(steps.get(1)).isEqualTo("kubectl cannot roll back: no rollout history found for deployment \""
                + target.service() + "\"; trying redeploy next");
        assertThat(eventsUntil(kafka, target, RollbackStarted.class, RollbackSucceeded.class))
                .singleElement().extracting(RollbackStarted::method).isEqualTo(RollbackMethod.REDEPLOY);
        assertThat(execution(command.incidentId()).chain).isEqualTo("pipeline,kubectl,redeploy");
        given().queryParam("target", target.toString()).get("/api/v1/blocked-releases").then().statusCode(200)
                .body("size()", is(1))
                .body("[0].release.images." + target.service(), is(IMAGE + ":v1.3.0"))
                .body("[0].incidentId", is(command.incidentId().toString()));
    }

    @Test
    void oneLookAtTheClusterPlansTheRollbackAcrossMethodsThatCannotAndThePatchFollowsIt() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        KubernetesSandbox sandbox = KubernetesSandboxResource.sandbox;
        long commanded = System.nanoTime();

        RollbackSucceeded succeeded = outcome(kafka, target, chainCommand(target, null), RollbackSucceeded.class);

        assertThat(succeeded.method()).as("the pipeline (not configured) handed over to kubectl")
                .isEqualTo(RollbackMethod.KUBECTL);
        long patched = sandbox.appliedDeploymentPatches(target.namespace(), target.service()).get(0).receivedNanos();
        List<Long> planned = sandbox.replicaSetLists(target.namespace()).stream()
                .map(RecordingDispatcher.Read::receivedNanos).filter(at -> at > commanded && at < patched).toList();
        assertThat(planned).as("kubectl's plan read the history once").hasSize(1);
        assertThat(sandbox.deploymentReads(target.namespace(), target.service()))
                .as("no read of the Deployment between the plan and its patch, which is a compare-and-set on what the "
                        + "plan looked at")
                .filteredOn(read -> read.receivedNanos() > planned.get(0) && read.receivedNanos() < patched)
                .isEmpty();
    }

    @Test
    void aGuardsRefusalAfterAHandOverNamesTheMethodThatPlannedAndKeepsTheHandOver() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        outcome(kafka, target, chainCommand(target, null), RollbackSucceeded.class);
        release(target, "v1.3.0");
        RollbackApproved second = chainCommand(target, null);

        RollbackFailed failed = outcome(kafka, target, second, RollbackFailed.class);

        assertThat(failed.reason()).as("kubectl planned, then the cooldown refused").contains("within the cooldown");
        assertThat(failed.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(execution(second.incidentId()).chain).isEqualTo("pipeline,kubectl,redeploy");
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackFailed.class))
                .filteredOn(step -> step.incidentId().equals(second.incidentId()))
                .filteredOn(step -> step.step().equals("method-unavailable")).singleElement()
                .extracting(RollbackStepCompleted::detail).asString().startsWith("pipeline cannot roll back: ");
    }

    @Test
    void blockedReleasesAnswerAClientsMistakeWithAProblem() {
        given().queryParam("target", "production/shop").get("/api/v1/blocked-releases").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("query parameter 'target' must be environment/namespace/service"));
        given().queryParam("limit", "lots").get("/api/v1/blocked-releases").then().statusCode(400)
                .body("detail", containsString("query parameter 'limit' must be a whole number from 1 to 500"));
    }

    @Test
    void theDeploymentsAnnotationChoosesItsMethods() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1", "v2");
        annotate(target, MethodChain.ANNOTATION, "redeploy");

        RollbackSucceeded succeeded = outcome(kafka, target, chainCommand(target, null), RollbackSucceeded.class);

        assertThat(succeeded.method()).as("the last good images read from the history").isEqualTo(
                RollbackMethod.REDEPLOY);
        assertThat(succeeded.toVersion()).isEqualTo("v1");
        assertThat(appliedPatches(target)).isEqualTo(1);
    }

    @Test
    void aRedeployNeverRestoresAReleaseWhoseContainersChanged() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        garbageCollectRevision(target, 1);
        Release renamed = new Release(1, Map.of("web", IMAGE + ":v1.2.5"));

        RollbackFailed failed = outcome(kafka, target, chainCommand(target, renamed), RollbackFailed.class);

        assertThat(failed.reason()).contains("redeploy: deployment " + target.namespace() + "/" + target.service()
                + " runs containers [" + target.service() + "] but the last good release (revision 1) ran [web]");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void aRolloutWhoseVerificationFailsIsRolledBackButUnverified() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        // Set when deployed, so its ReplicaSets carry it too: kubectl's undo brings the target revision's annotations.
        annotate(target, "rewind.dev/health-url", "http://127.0.0.1:1/health");
        annotateReplicaSets(target, "rewind.dev/health-url", "http://127.0.0.1:1/health");
        RollbackApproved command = chainCommand(target, null);

        RollbackUnverified unverified = outcome(kafka, target, command, RollbackUnverified.class);

        assertThat(unverified.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(unverified.toVersion()).isEqualTo("v1.2.5");
        assertThat(unverified.reason()).startsWith("health: ");
        assertThat(unverified.release()).isEqualTo(command.release());
        assertThat(appliedPatches(target)).isEqualTo(1);
        assertThat(execution(command.incidentId()).state).isEqualTo(ExecutionState.UNVERIFIED);
        VerificationCompleted verification = eventsUntil(kafka, target, VerificationCompleted.class,
                RollbackUnverified.class).get(0);
        assertThat(verification.passed()).isFalse();
        assertThat(verification.checks()).extracting(VerificationCompleted.Check::name)
                .contains("pods-ready", "health");
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackUnverified.class))
                .filteredOn(step -> step.step().equals("verify-health")).singleElement()
                .extracting(RollbackStepCompleted::detail).asString().startsWith("FAILED: ");
    }

    private static void garbageCollectRevision(TargetKey target, long revision) {
        var replicaSets = KubernetesSandboxResource.sandbox.client().apps().replicaSets()
                .inNamespace(target.namespace());
        for (ReplicaSet rs : replicaSets.list().getItems()) {
            if (rs.getMetadata().getName().startsWith(target.service() + "-")
                    && DeploymentRevisions.revisionOf(rs).orElse(0) == revision) {
                replicaSets.withName(rs.getMetadata().getName()).delete();
            }
        }
    }

    private static void annotateReplicaSets(TargetKey target, String key, String value) {
        var replicaSets = KubernetesSandboxResource.sandbox.client().apps().replicaSets()
                .inNamespace(target.namespace());
        for (ReplicaSet rs : replicaSets.list().getItems()) {
            if (rs.getMetadata().getName().startsWith(target.service() + "-")) {
                replicaSets.withName(rs.getMetadata().getName()).edit(r -> {
                    r.getMetadata().getAnnotations().put(key, value);
                    return r;
                });
            }
        }
    }

    private static void annotate(TargetKey target, String key, String value) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getMetadata().getAnnotations().put(key, value);
                    return d;
                });
    }
}
