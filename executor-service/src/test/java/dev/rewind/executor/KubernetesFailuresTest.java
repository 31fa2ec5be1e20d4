package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.TargetKey;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
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
                    .contains("503").endsWith("; not rolled back: check the cluster's API server, then roll back "
                            + "by hand");
        }
        assertThat(appliedPatches(target)).isZero();
    }
}
