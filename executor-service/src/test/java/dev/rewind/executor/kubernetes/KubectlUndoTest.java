package dev.rewind.executor.kubernetes;

import static dev.rewind.executor.kubernetes.DeploymentFixtures.UID;
import static dev.rewind.executor.kubernetes.DeploymentFixtures.deployment;
import static dev.rewind.executor.kubernetes.DeploymentFixtures.rs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.executor.domain.RollbackRefused;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubectlUndoTest {

    @Test
    void undoesToThePreviousRevisionWithoutThePodTemplateHash() {
        Deployment deployment = deployment("v3", 3, Map.of());
        List<ReplicaSet> history = List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID), rs("v3", 3, "h3", UID));

        UndoPlan plan = KubectlUndo.plan(deployment, history, 0);

        assertThat(plan.toRevision()).isEqualTo(2);
        assertThat(plan.fromRevision()).isEqualTo(3);
        assertThat(plan.fromVersion()).isEqualTo("v3");
        assertThat(plan.toVersion()).isEqualTo("v2");
        assertThat(plan.template().getMetadata().getLabels()).doesNotContainKey("pod-template-hash")
                .containsEntry("app", "checkout");
        assertThat(plan.resourceVersion()).isEqualTo("42");
        assertThat(plan.skipped()).isNull();
    }

    @Test
    void undoesToAGivenRevision() {
        UndoPlan plan = KubectlUndo.plan(deployment("v3", 3, Map.of()),
                List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID), rs("v3", 3, "h3", UID)), 1);

        assertThat(plan.toVersion()).isEqualTo("v1");
    }

    @Test
    void ignoresReplicaSetsOtherDeploymentsControlAndUnparsableRevisions() {
        ReplicaSet foreign = rs("v9", 9, "h9", "someone-else");
        ReplicaSet garbled = rs("v8", 8, "h8", UID);
        garbled.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "eight");

        UndoPlan plan = KubectlUndo.plan(deployment("v3", 3, Map.of()),
                List.of(rs("v2", 2, "h2", UID), foreign, garbled, rs("v3", 3, "h3", UID)), 0);

        assertThat(plan.toVersion()).isEqualTo("v2");
    }

    @Test
    void refusesWithKubectlsWordsWhenThereIsNoHistory() {
        assertThatThrownBy(() -> KubectlUndo.plan(deployment("v1", 1, Map.of()), List.of(rs("v1", 1, "h1", UID)), 0))
                .isInstanceOf(RollbackRefused.class)
                .hasMessage("no rollout history found for deployment \"checkout\"");
    }

    @Test
    void refusesAnUnknownOrNegativeRevision() {
        List<ReplicaSet> history = List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID));
        assertThatThrownBy(() -> KubectlUndo.plan(deployment("v2", 2, Map.of()), history, 7))
                .hasMessage("unable to find specified revision 7 in history");
        assertThatThrownBy(() -> KubectlUndo.plan(deployment("v2", 2, Map.of()), history, -1))
                .hasMessage("unable to find specified revision -1 in history");
    }

    @Test
    void refusesAPausedDeploymentButOnlyAfterTheRevisionWasFound() {
        Deployment paused = deployment("v2", 2, Map.of());
        paused.getSpec().setPaused(true);
        List<ReplicaSet> history = List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID));

        assertThatThrownBy(() -> KubectlUndo.plan(paused, history, 0)).hasMessage(
                "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        assertThatThrownBy(() -> KubectlUndo.plan(paused, history, 5))
                .hasMessage("unable to find specified revision 5 in history");
    }

    @Test
    void skipsWhenTheDeploymentAlreadyRunsTheTargetTemplate() {
        UndoPlan plan = KubectlUndo.plan(deployment("v1", 2, Map.of()),
                List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID)), 1);

        assertThat(plan.skipped()).isEqualTo("skipped rollback (current template already matches revision 1)");
    }

    @Test
    void keepsTheDeploymentsRevisionAnnotationsAndTakesEveryOtherFromTheReplicaSet() {
        Map<String, String> current = Map.of(
                "deployment.kubernetes.io/revision", "2",
                "kubectl.kubernetes.io/last-applied-configuration", "{}",
                "kubernetes.io/change-cause", "release v2",
                "team", "payments");
        ReplicaSet old = rs("v1", 1, "h1", UID);
        old.getMetadata().getAnnotations().put("kubernetes.io/change-cause", "release v1");
        old.getMetadata().getAnnotations().put("deployment.kubernetes.io/desired-replicas", "2");

        UndoPlan plan = KubectlUndo.plan(deployment("v2", 2, current), List.of(old, rs("v2", 2, "h2", UID)), 0);

        assertThat(plan.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "deployment.kubernetes.io/revision", "2",
                "kubectl.kubernetes.io/last-applied-configuration", "{}",
                "kubernetes.io/change-cause", "release v1"));
    }

    @Test
    void aPlanMadeAgainstANewerDeploymentKeepsItsTargetAndRecomputesKubectlsAnnotations() {
        List<ReplicaSet> history = List.of(rs("v1", 1, "h1", UID), rs("v2", 2, "h2", UID));
        UndoPlan plan = KubectlUndo.plan(deployment("v2", 2, Map.of()), history, 0);
        Deployment scaled = deployment("v2", 2, Map.of("kubectl.kubernetes.io/last-applied-configuration", "{}",
                "autoscaler", "hpa"));
        scaled.getMetadata().setResourceVersion("57");
        scaled.getSpec().setReplicas(5);

        UndoPlan again = KubectlUndo.replan(plan, scaled);

        assertThat(again.resourceVersion()).isEqualTo("57");
        assertThat(again.template()).isEqualTo(plan.template());
        assertThat(again.toRevision()).isEqualTo(1);
        assertThat(again.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "deployment.kubernetes.io/revision", "2",
                "kubectl.kubernetes.io/last-applied-configuration", "{}"));
        assertThat(again.fromTemplate()).isEqualTo(scaled.getSpec().getTemplate());
    }

    @Test
    void thePatchIsOneJsonPatchGuardedByTheResourceVersion() {
        UndoPlan plan = KubectlUndo.plan(deployment("v2", 2, Map.of()), List.of(rs("v1", 1, "h1", UID),
                rs("v2", 2, "h2", UID)), 0);

        assertThat(DeploymentRollbacks.patchOf(plan))
                .startsWith("[{\"op\":\"replace\",\"path\":\"/metadata/resourceVersion\",\"value\":\"42\"},"
                        + "{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":{")
                .contains("\"image\":\"registry.example/checkout:v1\"")
                .endsWith("{\"op\":\"replace\",\"path\":\"/metadata/annotations\","
                        + "\"value\":{\"deployment.kubernetes.io/revision\":\"2\"}}]");
    }
}
