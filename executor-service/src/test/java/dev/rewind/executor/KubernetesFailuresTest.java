package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A struggling Kubernetes API is waited out within a bounded window; an API that says no is believed at once. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class KubernetesFailuresTest extends KafkaClientTest {

    @Test
    void waitsOutAnApiServerAnswering503And429AndRollsBackOnce() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());
        KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(), target.service(), 503, 12);
        KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(), target.service(), 429, 4);

        outcome(kafka, target, command, RollbackSucceeded.class);

        assertThat(appliedPatches(target)).isOne();
    }

    @Test
    void aForbiddenAnswerFailsTheRollbackWithoutRetrying() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());
        // Answered once only: a retry would succeed, so a failure proves there was none.
        KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(), target.service(), 403, 1);

        RollbackFailed failed = outcome(kafka, target, command, RollbackFailed.class);

        assertThat(failed.reason()).startsWith("the Kubernetes API refused the rollback: ").contains("403");
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void failsWithTheReasonOnceTheRetryWindowIsOver() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());
        try (AutoCloseable outage = KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(),
                target.service(), 503, Integer.MAX_VALUE)) {

            RollbackFailed failed = outcome(kafka, target, command, RollbackFailed.class);

            assertThat(failed.reason()).startsWith("the Kubernetes API kept failing for PT6S (")
                    .contains("503").endsWith(" before any patch was sent; not rolled back: check the cluster's API "
                            + "server, then roll back by hand");
        }
        assertThat(appliedPatches(target)).isZero();
    }

    @Test
    void anApiOutageAfterThePatchNeverSaysNotRolledBack() throws Exception {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = command(target, UUID.randomUUID());
        try (AutoCloseable slowPods = KubernetesSandboxResource.sandbox.controller().holdRollouts(target.namespace(),
                target.service())) {
            kafka.send(Topics.ROLLBACK_COMMANDS, command);
            await().atMost(TestKafka.PATIENCE).until(() -> appliedPatches(target) == 1);
            try (AutoCloseable outage = KubernetesSandboxResource.sandbox.failDeploymentRequests(target.namespace(),
                    target.service(), 503, Integer.MAX_VALUE)) {

                RollbackFailed failed = outcomeOf(kafka, target, command.incidentId(), RollbackFailed.class);

                assertThat(failed.reason()).startsWith("the Kubernetes API kept failing for PT6S (")
                        .contains("after the rollback patch was applied")
                        .contains("do not roll it back again blindly")
                        .doesNotContain("not rolled back");
            }
        }
        assertThat(appliedPatches(target)).isEqualTo(1);
    }
}
