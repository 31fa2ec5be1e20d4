package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.sandbox.SimulatedDeploymentController.Churn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A real cluster keeps writing a Deployment (autoscalers, status, other controllers' labels): the rollback's
 * compare-and-set must fail only when someone deployed a new pod template meanwhile.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class ConcurrentWritesTest extends KafkaClientTest {

    @Test
    void aScaleBetweenPlanAndPatchDoesNotFailTheRollback() {
        TargetKey target = seeded();
        KubernetesSandboxResource.sandbox.beforeNextRollbackPatch(target.namespace(), target.service(),
                "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]");

        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);

        assertThat(KubernetesSandboxResource.sandbox.deploymentPatches(target.namespace(), target.service()))
                .extracting(w -> w.status()).first().isEqualTo(409);
        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(deployment(target).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void anotherControllersLabelBetweenPlanAndPatchDoesNotFailTheRollback() {
        TargetKey target = seeded();
        KubernetesSandboxResource.sandbox.beforeNextRollbackPatch(target.namespace(), target.service(),
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/team\",\"value\":\"payments\"}]");

        outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);

        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
        assertThat(deployment(target).getMetadata().getLabels()).containsEntry("team", "payments");
    }

    @Test
    void aDeployBetweenPlanAndPatchRefusesTheRollback() {
        TargetKey target = seeded();
        imageWrittenRightBeforeThePatch(target, "v1.4.0");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).startsWith("deployment shop/" + target.service() + " now runs ")
                .contains("registry.example/shop/checkout:v1.4.0}, not revision 2 {")
                .endsWith("that incident 123 judged bad: already rolled back or deployed again; not rolling back");
        assertThat(appliedPatches(target)).isZero();
        assertThat(versionOf(target)).isEqualTo("v1.4.0");
    }

    @Test
    void aRollbackBySomeoneElseBetweenPlanAndPatchIsNotClaimedAsRewinds() {
        TargetKey target = seeded();
        imageWrittenRightBeforeThePatch(target, "v1.2.5");

        RollbackFailed failed = outcome(kafka, target, command(target, UUID.randomUUID()), RollbackFailed.class);

        assertThat(failed.reason()).as("the first patch met a conflict (409) and changed nothing: the template "
                        + "already there is someone else's doing")
                .contains("registry.example/shop/checkout:v1.2.5}, not revision 2 {")
                .endsWith("already rolled back or deployed again; not rolling back");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void rollsBackOnceWhileTheClusterKeepsScalingAndWritingStatusAndLabels() throws Exception {
        TargetKey target = seeded();
        try (AutoCloseable churn = KubernetesSandboxResource.sandbox.controller().churn(target.namespace(), target.service(),
                Duration.ofMillis(10), Churn.STATUS, Churn.SCALE, Churn.LABEL)) {

            outcome(kafka, target, command(target, UUID.randomUUID()), RollbackSucceeded.class);
        }

        assertThat(appliedPatches(target)).isOne();
        assertThat(versionOf(target)).isEqualTo("v1.2.5");
    }

    private static TargetKey seeded() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        return target;
    }

    /** Another client sets the Deployment's image to {@code version} right before the rollback's patch. */
    private static void imageWrittenRightBeforeThePatch(TargetKey target, String version) {
        KubernetesSandboxResource.sandbox.beforeNextRollbackPatch(target.namespace(), target.service(),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                        + "\"value\":\"registry.example/shop/checkout:" + version + "\"}]");
    }

    private static String versionOf(TargetKey target) {
        return DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate());
    }
}
