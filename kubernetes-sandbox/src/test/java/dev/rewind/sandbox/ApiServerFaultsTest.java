package dev.rewind.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API server's failures a fault test injects: refused writes, and rollback patches whose answers are lost. */
class ApiServerFaultsTest {

    private static final String IMAGE = "registry.example/shop/faulty";

    private static KubernetesSandbox sandbox;
    /** A client as the executor runs one: no retries of its own, a short request timeout. */
    private static KubernetesClient impatient;

    @BeforeAll
    static void start() {
        sandbox = KubernetesSandbox.start(0);
        impatient = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(sandbox.url())
                .withNamespace("shop").withRequestRetryBackoffLimit(0).withRequestTimeout(1_000).build()).build();
    }

    @AfterAll
    static void stop() {
        impatient.close();
        sandbox.close();
    }

    @Test
    void refusedWritesLeaveReadsServedAndAreNotRecorded() throws Exception {
        sandbox.deployWithHistory("shop", "readonly", IMAGE, List.of("v1", "v2"));

        try (AutoCloseable refused = sandbox.failDeploymentWrites("shop", "readonly", 503, Integer.MAX_VALUE)) {
            assertThat(deployment("readonly")).isNotNull();
            assertThatThrownBy(() -> rollbackPatch("readonly", "v1"))
                    .isInstanceOf(KubernetesClientException.class)
                    .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(503));
            assertThat(version("readonly")).isEqualTo("v2");
            assertThat(sandbox.deploymentPatches("shop", "readonly")).isEmpty();
        }

        rollbackPatch("readonly", "v1");
        assertThat(version("readonly")).isEqualTo("v1");
        assertThat(sandbox.appliedDeploymentPatches("shop", "readonly")).hasSize(1);
    }

    @Test
    void aWithheldAnswerTimesTheClientOutAlthoughThePatchWasAppliedAndRecorded() throws Exception {
        sandbox.deployWithHistory("shop", "lost", IMAGE, List.of("v1", "v2"));

        try (AutoCloseable withheld = sandbox.withholdRollbackPatchAnswers("shop", "lost")) {
            assertThatThrownBy(() -> rollbackPatch("lost", "v1"))
                    .as("no answer: a time-out, which the executor retries")
                    .satisfies(e -> assertThat(KubernetesFailures.isTransient(e)).isTrue());
            assertThat(version("lost")).isEqualTo("v1");
            assertThat(sandbox.appliedDeploymentPatches("shop", "lost")).hasSize(1);
            assertThat(deployment("lost")).as("reads are answered meanwhile").isNotNull();
        }

        assertThat(DeploymentRevisions.versionOf(rollbackPatch("lost", "v2").getSpec().getTemplate()))
                .as("answered once released").isEqualTo("v2");
        assertThat(sandbox.appliedDeploymentPatches("shop", "lost")).hasSize(2);
    }

    /** A JSON patch of the whole pod template, as the executor sends to roll back, to the image of {@code version}. */
    private static Deployment rollbackPatch(String name, String version) {
        Deployment now = deployment(name);
        var template = now.getSpec().getTemplate();
        template.getSpec().getContainers().get(0).setImage(IMAGE + ":" + version);
        String patch = "[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":"
                + impatient.getKubernetesSerialization().asJson(template) + "}]";
        return impatient.apps().deployments().inNamespace("shop").withName(name)
                .patch(PatchContext.of(PatchType.JSON), patch);
    }

    private static Deployment deployment(String name) {
        return impatient.apps().deployments().inNamespace("shop").withName(name).get();
    }

    private static String version(String name) {
        return DeploymentRevisions.versionOf(deployment(name).getSpec().getTemplate());
    }
}
