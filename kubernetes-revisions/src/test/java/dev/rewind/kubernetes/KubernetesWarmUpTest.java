package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class KubernetesWarmUpTest {

    @Test
    void readsAndWritesEveryWarmedTypeAndLeavesTheModelUsable() {
        KubernetesSerialization serialization = new KubernetesSerialization();

        assertThat(KubernetesWarmUp.warmUp(serialization).isNegative()).isFalse();

        Deployment read = serialization.unmarshal("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "checkout"},
                 "spec": {"template": {"spec": {"containers": [{"name": "app", "image": "checkout:v1.3.0"}]}}}}
                """, Deployment.class);
        assertThat(read.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("checkout:v1.3.0");
    }
}
