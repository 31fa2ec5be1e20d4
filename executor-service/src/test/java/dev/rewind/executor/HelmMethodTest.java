package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.appliedPatches;
import static dev.rewind.executor.Rollbacks.chainCommand;
import static dev.rewind.executor.Rollbacks.count;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.deployment;
import static dev.rewind.executor.Rollbacks.eventsUntil;
import static dev.rewind.executor.Rollbacks.installHelmRelease;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.helm.HelmManifest;
import dev.rewind.executor.helm.HelmReleaseCodec;
import dev.rewind.executor.helm.HelmReleases;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.strategy.HelmStrategy;
import dev.rewind.executor.strategy.RollbackOrder;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.sandbox.helm.HelmDemoChart;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The helm method: {@code helm rollback} through the release Secrets of a Helm-managed Deployment in the sandbox. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class HelmMethodTest extends KafkaClientTest {

    @Inject
    HelmStrategy helm;

    @Inject
    DeploymentRollbacks rollbacks;

    @Test
    void rollsTheReleaseBackToThePreviousRevisionAsHelmDoes() {
        TargetKey target = uniqueTarget("development");
        String release = target.service();
        installHelmRelease(target, "v1.2.5", "v1.3.0");
        annotate(target, "helm");
        RollbackApproved command = chainCommand(target, null);

        RollbackSucceeded succeeded = outcome(kafka, target, command, RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.HELM);
        assertThat(succeeded.toVersion()).isEqualTo("v1.2.5");
        assertThat(succeeded.message()).startsWith("release \"" + release + "\" revision 3 deployed (Rollback to 1); "
                + "deployment \"" + release + "\" successfully rolled out");
        RollbackStarted started = eventsUntil(kafka, target, RollbackStarted.class, RollbackSucceeded.class).get(0);
        assertThat(started.fromRevision()).isEqualTo(2);
        assertThat(started.toRevision()).isEqualTo(1);
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackSucceeded.class))
                .anySatisfy(step -> assertThat(step.detail()).isEqualTo("release \"" + release + "\" revision 3 "
                        + "(Rollback to 1) applied to deployment.apps/" + release));
        Deployment deployment = deployment(target);
        assertThat(DeploymentRevisions.sameTemplate(deployment.getSpec().getTemplate(),
                renderedDeployment(release, "v1.2.5").getSpec().getTemplate())).isTrue();
        assertThat(deployment.getMetadata().getLabels()).containsEntry("helm.sh/chart", "checkout-v1.2.5");
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(HelmManifest.RELEASE_NAME, release);
        assertThat(status(target, 3)).isEqualTo("deployed");
        assertThat(status(target, 2)).isEqualTo("superseded");
        assertThat(status(target, 1)).isEqualTo("superseded");
        ObjectNode v3 = HelmReleaseCodec.fromSecretData(secret(target, 3).getData().get("release"));
        assertThat(v3.at("/info/description").asText()).isEqualTo("Rollback to 1");
        assertThat(v3.path("manifest").asText()).isEqualTo(HelmDemoChart.manifest(release, "v1.2.5"));
        assertThat(client().configMaps().inNamespace(target.namespace()).withName(release + "-config").get()
                .getData()).containsEntry("greeting", "hello");
        assertThat(client().configMaps().inNamespace(target.namespace()).withName(release + "-feature-flags").get())
                .as("only revision 2 rendered it").isNull();
        assertThat(client().configMaps().inNamespace(target.namespace()).withName(release + "-cache").get())
                .as("helm.sh/resource-policy: keep").isNotNull();
        assertThat(appliedPatches(target)).isEqualTo(1);
    }

    @Test
    void aRolloutThatNeverCompletesLeavesTheNewRevisionFailedAsHelmDoes() {
        TargetKey target = uniqueTarget("development");
        String release = target.service();
        installHelmRelease(target, "v1.2.5-broken", "v1.3.0");
        annotate(target, "helm");

        RollbackFailed failed = outcome(kafka, target, chainCommand(target, null), RollbackFailed.class);

        assertThat(failed.reason()).contains("deployment \"" + release + "\" exceeded its progress deadline");
        assertThat(status(target, 3)).isEqualTo("failed");
        assertThat(status(target, 2)).as("helm rollback --wait leaves the current revision as it was")
                .isEqualTo("deployed");
        assertThat(HelmReleaseCodec.fromSecretData(secret(target, 3).getData().get("release"))
                .at("/info/description").asText()).isEqualTo("Release \"" + release + "\" failed: deployment \""
                        + release + "\" exceeded its progress deadline");
    }

    @Test
    void redeliveredAndDuplicateCommandsRollTheReleaseBackOnce() {
        TargetKey target = uniqueTarget("development");
        String release = target.service();
        installHelmRelease(target, "v1.2.5", "v1.3.0");
        annotate(target, "helm");
        RollbackApproved command = chainCommand(target, null);
        RollbackApproved duplicate = new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), command.incidentId(),
                command.incidentNumber(), target, command.severity(), command.reason(), null, 0, command.release(),
                null, command.approvedBy(), command.overrides(), command.occurredAt());

        UUID id = kafka.send(Topics.ROLLBACK_COMMANDS, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, id, command);
        kafka.send(Topics.ROLLBACK_COMMANDS, duplicate);

        kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackSucceeded.class));
        assertThat(count(target)).isEqualTo(1);
        assertThat(status(target, 3)).isEqualTo("deployed");
        assertThat(secret(target, 4)).as("no second revision").isNull();
        assertThat(appliedPatches(target)).isEqualTo(1);
    }

    @Test
    void aRestartedExecutorContinuesItsRevisionAndAnotherExecutionKeepsOff() {
        TargetKey target = uniqueTarget("development");
        String release = target.service();
        installHelmRelease(target, "v1.2.5", "v1.3.0");
        RollbackOrder order = new RollbackOrder(UUID.randomUUID(), target, 7, Rollbacks.running(target), 0, null,
                Duration.ofMinutes(1), Severity.P1);
        UndoPlan plan = helm.plan(order, rollbacks.observe(target, order.judged(), order.incidentNumber()));

        helm.apply(order, plan, false);
        // The sandbox's controller then writes the rollout's revision and status once: wait for it to be done.
        String patched = await().atMost(TestKafka.PATIENCE).until(() -> settledResourceVersion(target),
                Objects::nonNull);
        helm.apply(order, plan, true);

        assertThat(deployment(target).getMetadata().getResourceVersion()).as("nothing written twice")
                .isEqualTo(patched);
        assertThat(secret(target, 4)).isNull();
        RollbackOrder another = new RollbackOrder(UUID.randomUUID(), target, 8, order.judged(), 0, null,
                Duration.ofMinutes(1), Severity.P1);
        assertThatThrownBy(() -> helm.apply(another, plan, true)).isInstanceOf(RollbackRefused.class)
                .hasMessageContaining("has a revision 3 (pending-rollback, \"Rollback to 1\") that this rollback "
                        + "did not make");
        assertThat(helm.follow(order, plan).failed()).isFalse();
        assertThat(status(target, 3)).isEqualTo("deployed");
        assertThat(status(target, 2)).isEqualTo("superseded");
    }

    @Test
    void aDeploymentHelmDoesNotManageGoesToTheNextMethod() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        annotate(target, "helm,kubectl");

        RollbackSucceeded succeeded = outcome(kafka, target, chainCommand(target, null), RollbackSucceeded.class);

        assertThat(succeeded.method()).isEqualTo(RollbackMethod.KUBECTL);
        assertThat(eventsUntil(kafka, target, RollbackStepCompleted.class, RollbackSucceeded.class).stream()
                .filter(s -> s.step().equals("method-unavailable")).map(RollbackStepCompleted::detail))
                .containsExactly("helm cannot roll back: deployment " + target.namespace() + "/" + target.service()
                        + " is not managed by Helm (it needs the label app.kubernetes.io/managed-by=Helm and the "
                        + "annotation meta.helm.sh/release-name, which Helm 3.2+ sets); trying kubectl next");
    }

    /** The Deployment's resourceVersion once the controller observed its latest generation, else null. */
    private static String settledResourceVersion(TargetKey target) {
        Deployment deployment = deployment(target);
        Long observed = deployment.getStatus() == null ? null : deployment.getStatus().getObservedGeneration();
        return Objects.equals(observed, deployment.getMetadata().getGeneration())
                ? deployment.getMetadata().getResourceVersion() : null;
    }

    private static KubernetesClient client() {
        return KubernetesSandboxResource.sandbox.client();
    }

    private static Deployment renderedDeployment(String release, String tag) {
        return client().load(new ByteArrayInputStream(HelmDemoChart.manifest(release, tag)
                .getBytes(StandardCharsets.UTF_8))).items().stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).findFirst().orElseThrow();
    }

    private static Secret secret(TargetKey target, long version) {
        return client().secrets().inNamespace(target.namespace())
                .withName(HelmReleases.key(target.service(), version)).get();
    }

    /** A revision's status, checked to be the same in its Secret's label and in its JSON. */
    private static String status(TargetKey target, long version) {
        Secret secret = secret(target, version);
        String json = HelmReleaseCodec.fromSecretData(secret.getData().get("release")).at("/info/status").asText();
        assertThat(secret.getMetadata().getLabels()).containsEntry("status", json);
        return json;
    }

    private static void annotate(TargetKey target, String methods) {
        client().apps().deployments().inNamespace(target.namespace()).withName(target.service()).edit(d -> {
            d.getMetadata().getAnnotations().put(MethodChain.ANNOTATION, methods);
            return d;
        });
    }
}
