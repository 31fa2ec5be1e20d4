package dev.rewind.executor.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.helm.HelmDemoChart;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code helm rollback}'s steps against the fabric8 mock API server, release Secrets encoded as Helm encodes them. */
class HelmRollbackTest {

    private static final String NAMESPACE = "shop";

    private static KubernetesSandbox sandbox;
    private static KubernetesClient client;

    private final String name = "checkout-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID execution = UUID.randomUUID();
    private final HelmRollback helm = new HelmRollback(new HelmReleases(Supplier::get, client, NAMESPACE),
            new ReleaseObjects(Supplier::get, client, 5), new HelmManaged(name, NAMESPACE));

    @BeforeAll
    static void startSandbox() {
        sandbox = KubernetesSandbox.start(0);
        client = sandbox.client();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void appliesTheTargetRevisionAndRecordsItAsHelmDoes() {
        install("v1.2.5", "v1.3.0");

        HelmRollbackPlan plan = helm.plan(0);
        assertThat(helm.obstacle(plan)).isEmpty();
        assertThat(helm.progress(3, execution)).isEqualTo(HelmRollback.Progress.NOT_STARTED);
        assertThat(helm.record(plan, execution)).isTrue();
        assertThat(status(3)).isEqualTo("pending-rollback");
        ReleaseObjects.Applied applied = helm.apply(2, 3);

        assertThat(applied.created()).isEmpty();
        assertThat(applied.patched()).containsExactly("ConfigMap shop/" + name + "-config", "Deployment shop/" + name);
        assertThat(applied.deleted()).containsExactly("ConfigMap shop/" + name + "-feature-flags");
        assertThat(applied.kept()).containsExactly("ConfigMap shop/" + name + "-cache");
        assertThat(configMap("-config").getData()).containsEntry("greeting", "hello");
        assertThat(configMap("-feature-flags")).isNull();
        assertThat(configMap("-cache")).isNotNull();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(name).get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getImage()).isEqualTo(HelmDemoChart.IMAGE + ":v1.2.5");
        Secret v3 = secret(3);
        assertThat(v3.getType()).isEqualTo("helm.sh/release.v1");
        assertThat(v3.getMetadata().getLabels()).containsEntry("name", name).containsEntry("owner", "helm")
                .containsEntry("version", "3").containsEntry("team", "payments").containsKey("createdAt");
        assertThat(v3.getMetadata().getAnnotations()).containsEntry(HelmReleases.EXECUTION, execution.toString());

        helm.deployed(3);

        assertThat(status(1)).isEqualTo("superseded");
        assertThat(status(2)).isEqualTo("superseded");
        assertThat(status(3)).isEqualTo("deployed");
        ObjectNode release = HelmReleaseCodec.fromSecretData(secret(3).getData().get("release"));
        assertThat(release.at("/info/description").asText()).isEqualTo("Rollback to 1");
        assertThat(release.path("manifest").asText()).isEqualTo(HelmDemoChart.manifest(name, "v1.2.5"));
        assertThat(helm.progress(3, execution)).isEqualTo(HelmRollback.Progress.APPLIED);
    }

    @Test
    void aRunResumedAfterARestartFinishesWithoutASecondRevisionOrWrite() {
        install("v1.2.5", "v1.3.0");
        HelmRollbackPlan plan = helm.plan(0);
        helm.record(plan, execution);
        helm.apply(2, 3);
        // The sandbox's controller keeps writing the Deployment's status and revision annotation: its spec is what a
        // second apply would change.
        var applied = client.apps().deployments().inNamespace(NAMESPACE).withName(name).get().getSpec();

        assertThat(helm.record(plan, execution)).as("Helm's lock: version 3 exists").isFalse();
        assertThat(helm.progress(3, execution)).isEqualTo(HelmRollback.Progress.APPLYING);
        ReleaseObjects.Applied again = helm.apply(2, 3);

        assertThat(again.created()).isEmpty();
        assertThat(again.patched()).isEmpty();
        assertThat(again.deleted()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(name).get().getSpec())
                .isEqualTo(applied);
        assertThat(client.secrets().inNamespace(NAMESPACE).withName(HelmReleases.key(name, 4)).get()).isNull();
    }

    @Test
    void neverTakesOverARevisionSomeoneElseMade() {
        install("v1.2.5", "v1.3.0");
        client.secrets().inNamespace(NAMESPACE).resource(HelmDemoChart.secret(HelmDemoChart.release(name, NAMESPACE, 3,
                "v1.3.0", "pending-upgrade", "Preparing upgrade"))).create();

        assertThatThrownBy(() -> helm.progress(3, execution)).isInstanceOf(RollbackRefused.class)
                .hasMessage("release \"" + name + "\" has a revision 3 (pending-upgrade, \"Preparing upgrade\") that "
                        + "this rollback did not make: someone changed the release meanwhile; not rolling back over "
                        + "it, check 'helm history " + name + " -n shop'");
    }

    @Test
    void aFailedApplicationIsRecordedAsHelmRecordsIt() {
        install("v1.3.0", "v1.2.5");
        // Revision 1 renders the feature flags; revision 2 does not, and someone made a ConfigMap of that name.
        client.configMaps().inNamespace(NAMESPACE).withName(name + "-feature-flags").delete();
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName(name + "-feature-flags").endMetadata().withData(Map.of("mine", "yes")).build()).create();
        HelmRollbackPlan plan = helm.plan(0);
        String failure = "Rollback \"" + name + "\" failed: no ConfigMap with the name \"" + name
                + "-feature-flags\" found";

        assertThat(helm.obstacle(plan)).contains("no ConfigMap with the name \"" + name + "-feature-flags\" found");
        helm.record(plan, execution);
        assertThatThrownBy(() -> helm.apply(2, 3)).isInstanceOf(RollbackRefused.class)
                .hasMessageStartingWith(failure + "; revision 3 is recorded failed and revision 2 superseded");

        assertThat(status(2)).isEqualTo("superseded");
        assertThat(status(3)).isEqualTo("failed");
        assertThat(HelmReleaseCodec.fromSecretData(secret(3).getData().get("release")).at("/info/description")
                .asText()).isEqualTo(failure);
        assertThat(configMap("-feature-flags").getData()).containsEntry("mine", "yes");
        assertThatThrownBy(() -> helm.progress(3, execution)).isInstanceOf(RollbackRefused.class).hasMessage(failure);
    }

    @Test
    void aFailedRolloutMarksOnlyTheNewRevisionFailed() {
        install("v1.2.5", "v1.3.0");
        helm.record(helm.plan(0), execution);
        helm.apply(2, 3);

        helm.failed(3, "deployment \"" + name + "\" exceeded its progress deadline");

        assertThat(status(2)).isEqualTo("deployed");
        assertThat(status(3)).isEqualTo("failed");
        assertThat(HelmReleaseCodec.fromSecretData(secret(3).getData().get("release")).at("/info/description")
                .asText()).isEqualTo("Release \"" + name + "\" failed: deployment \"" + name + "\" exceeded its "
                        + "progress deadline");
    }

    @Test
    void anExecutorWithoutTheHelmRoleHandsOverToTheNextMethod() {
        install("v1.2.5", "v1.3.0");
        ApiCalls forbidden = new ApiCalls() {
            @Override
            public <T> T call(Supplier<T> request) {
                throw new KubernetesClientException("secrets is forbidden", 403, null);
            }
        };
        HelmRollback unauthorised = new HelmRollback(new HelmReleases(forbidden, client, NAMESPACE),
                new ReleaseObjects(forbidden, client, 5), new HelmManaged(name, NAMESPACE));

        assertThatThrownBy(() -> unauthorised.applicablePlan(0)).isInstanceOf(MethodUnavailable.class)
                .hasMessage("the executor may not read Helm release \"" + name + "\" in namespace shop (secrets is "
                        + "forbidden): grant it the Role of k8s/overlays/helm there, or leave helm out of the "
                        + "target's methods");
    }

    @Test
    void anObjectInTheWayHandsOverBeforeAnythingChanged() {
        install("v1.3.0", "v1.2.5");
        client.configMaps().inNamespace(NAMESPACE).withName(name + "-cache").delete();
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName(name + "-cache").endMetadata().build()).create();

        assertThatThrownBy(() -> helm.applicablePlan(0)).isInstanceOf(MethodUnavailable.class)
                .hasMessage("release \"" + name + "\": no ConfigMap with the name \"" + name + "-cache\" found");
        assertThat(secret(3)).isNull();
    }

    private void install(String... tags) {
        HelmDemoChart.installAndUpgrade(client, sandbox.controller()::reconcileAll, NAMESPACE, name, tags);
    }

    private Secret secret(long version) {
        return client.secrets().inNamespace(NAMESPACE).withName(HelmReleases.key(name, version)).get();
    }

    /** The status of a revision, checked to be the same in its label and in its JSON. */
    private String status(long version) {
        Secret secret = secret(version);
        String json = HelmReleaseCodec.fromSecretData(secret.getData().get("release")).at("/info/status").asText();
        assertThat(secret.getMetadata().getLabels()).containsEntry("status", json);
        return json;
    }

    private io.fabric8.kubernetes.api.model.ConfigMap configMap(String suffix) {
        return client.configMaps().inNamespace(NAMESPACE).withName(name + suffix).get();
    }
}
