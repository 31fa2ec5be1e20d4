package dev.rewind.sandbox;

import dev.rewind.kubernetes.DeploymentRevisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedDeploymentControllerTest {

    private static KubernetesSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KubernetesSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void eachReleaseGetsAnOwnedReplicaSetWithTheNextRevision() {
        Deployment deployment = sandbox.deployWithHistory("shop", "cart", "registry.example/cart", List.of("v1", "v2"));

        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "2");
        Map<String, String> versionByRevision = owned(deployment).stream().collect(Collectors.toMap(
                rs -> rs.getMetadata().getAnnotations().get(DeploymentRevisions.REVISION),
                rs -> DeploymentRevisions.versionOf(rs.getSpec().getTemplate())));
        assertThat(versionByRevision).containsExactlyInAnyOrderEntriesOf(Map.of("1", "v1", "2", "v2"));
        ReplicaSet current = owned(deployment).stream()
                .max(Comparator.comparingLong(rs -> DeploymentRevisions.revisionOf(rs).orElse(0))).orElseThrow();
        assertThat(current.getSpec().getReplicas()).isEqualTo(2);
        assertThat(current.getSpec().getTemplate().getMetadata().getLabels())
                .containsKey(DeploymentRevisions.POD_TEMPLATE_HASH);
        assertThat(current.getMetadata().getName()).startsWith("cart-");
        assertThat(deployment.getStatus().getObservedGeneration()).isEqualTo(deployment.getMetadata().getGeneration());
        assertThat(deployment.getStatus().getAvailableReplicas()).isEqualTo(2);
    }

    @Test
    void goingBackReusesTheOldReplicaSetAsRevisionMaxPlusOne() {
        Deployment deployment = sandbox.deployWithHistory("shop", "search", "registry.example/search",
                List.of("v1", "v2", "v3"));

        sandbox.client().apps().deployments().inNamespace("shop").withName("search").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/search:v2");
            return d;
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> "4".equals(revision("search")));
        Map<String, ReplicaSet> byVersion = owned(deployment).stream().collect(Collectors.toMap(
                rs -> DeploymentRevisions.versionOf(rs.getSpec().getTemplate()), rs -> rs));
        assertThat(byVersion).hasSize(3);
        assertThat(byVersion.get("v2").getMetadata().getAnnotations())
                .containsEntry(DeploymentRevisions.REVISION, "4")
                .containsEntry(DeploymentRevisions.REVISION_HISTORY, "2");
        assertThat(byVersion.get("v2").getSpec().getReplicas()).isEqualTo(2);
        assertThat(byVersion.get("v3").getSpec().getReplicas()).isZero();
    }

    @Test
    void aBrokenVersionExceedsItsProgressDeadline() {
        sandbox.deployWithHistory("shop", "pay", "registry.example/pay", List.of("v1"));

        sandbox.client().apps().deployments().inNamespace("shop").withName("pay").edit(d -> {
            d.getSpec().getTemplate().getMetadata().setAnnotations(
                    Map.of(SimulatedDeploymentController.SIMULATE, "progress-deadline-exceeded"));
            return d;
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Deployment pay = sandbox.client().apps().deployments().inNamespace("shop").withName("pay").get();
            assertThat(pay.getStatus().getObservedGeneration()).isEqualTo(pay.getMetadata().getGeneration());
            assertThat(pay.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Progressing");
                assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded");
            });
        });
    }

    @Test
    void backgroundWritesMoveTheResourceVersionButNotThePodTemplate() throws Exception {
        Deployment before = sandbox.deployWithHistory("shop", "churned", "registry.example/churned", List.of("v1"));

        try (AutoCloseable churn = sandbox.controller().churn("shop", "churned", Duration.ofMillis(5),
                SimulatedDeploymentController.Churn.STATUS, SimulatedDeploymentController.Churn.SCALE,
                SimulatedDeploymentController.Churn.LABEL)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Deployment now = sandbox.client().apps().deployments().inNamespace("shop").withName("churned").get();
                assertThat(now.getSpec().getReplicas()).isEqualTo(3);
                assertThat(now.getMetadata().getLabels()).containsKey(SimulatedDeploymentController.CHURN_LABEL);
                assertThat(Long.parseLong(now.getMetadata().getResourceVersion()))
                        .isGreaterThan(Long.parseLong(before.getMetadata().getResourceVersion()) + 10);
                assertThat(now.getSpec().getTemplate()).isEqualTo(before.getSpec().getTemplate());
                assertThat(now.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "1");
            });
        }
    }

    @Test
    void aHeldRolloutUpdatesNoReplicaUntilReleased() throws Exception {
        sandbox.deployWithHistory("shop", "slow", "registry.example/slow", List.of("v1"));
        AutoCloseable hold = sandbox.controller().holdRollouts("shop", "slow");

        sandbox.client().apps().deployments().inNamespace("shop").withName("slow").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/slow:v2");
            return d;
        });
        // The revision annotation and the status are separate writes: wait until the status is that of revision 2.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Deployment now = sandbox.client().apps().deployments().inNamespace("shop").withName("slow").get();
            assertThat(now.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "2");
            assertThat(now.getStatus().getObservedGeneration()).isEqualTo(now.getMetadata().getGeneration());
        });
        assertThat(status("slow").getUpdatedReplicas()).isZero();

        hold.close();
        assertThat(status("slow").getUpdatedReplicas()).isEqualTo(2);
    }

    @Test
    void anUnobservedDeploymentKeepsItsNewGenerationUnobservedUntilReleased() throws Exception {
        sandbox.deployWithHistory("shop", "lagging", "registry.example/lagging", List.of("v1"));
        AutoCloseable stopped = sandbox.controller().stopObserving("shop", "lagging");

        sandbox.client().apps().deployments().inNamespace("shop").withName("lagging").edit(d -> {
            d.getSpec().setReplicas(3);
            return d;
        });
        sandbox.controller().reconcileAll();
        Deployment lagging = sandbox.client().apps().deployments().inNamespace("shop").withName("lagging").get();
        assertThat(lagging.getStatus().getObservedGeneration()).isLessThan(lagging.getMetadata().getGeneration());

        stopped.close();
        Deployment observed = sandbox.client().apps().deployments().inNamespace("shop").withName("lagging").get();
        assertThat(observed.getStatus().getObservedGeneration()).isEqualTo(observed.getMetadata().getGeneration());
        assertThat(observed.getStatus().getAvailableReplicas()).isEqualTo(3);
    }

    @Test
    void failedRequestsAreAnsweredWithTheStatusAndThenServedAgain() throws Exception {
        sandbox.deployWithHistory("shop", "flaky", "registry.example/flaky", List.of("v1"));
        sandbox.failDeploymentRequests("shop", "flaky", 403, 1);

        assertThatThrownBy(() -> sandbox.client().apps().deployments().inNamespace("shop").withName("flaky").get())
                .isInstanceOf(KubernetesClientException.class)
                .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));
        assertThat(sandbox.client().apps().deployments().inNamespace("shop").withName("flaky").get()).isNotNull();
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus status(String name) {
        return sandbox.client().apps().deployments().inNamespace("shop").withName(name).get().getStatus();
    }

    private static String revision(String name) {
        Deployment d = sandbox.client().apps().deployments().inNamespace("shop").withName(name).get();
        return d.getMetadata().getAnnotations().get(DeploymentRevisions.REVISION);
    }

    private static List<ReplicaSet> owned(Deployment deployment) {
        return sandbox.client().apps().replicaSets().inNamespace("shop").list().getItems().stream()
                .filter(rs -> DeploymentRevisions.controlledBy(rs, deployment)).toList();
    }
}
