package dev.rewind.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterClientsTest {

    @TempDir
    Path dir;
    private String previousKubeconfig;

    @BeforeEach
    void kubeconfigWithTwoContexts() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                  - {name: staging, cluster: {server: "http://127.0.0.1:1"}}
                  - {name: production, cluster: {server: "http://127.0.0.1:2"}}
                contexts:
                  - {name: staging, context: {cluster: staging, user: rewind}}
                  - {name: production, context: {cluster: production, user: rewind}}
                current-context: staging
                users:
                  - {name: rewind, user: {token: t}}
                """);
        previousKubeconfig = System.setProperty("kubeconfig", kubeconfig.toString());
    }

    @AfterEach
    void restore() {
        if (previousKubeconfig == null) {
            System.clearProperty("kubeconfig");
        } else {
            System.setProperty("kubeconfig", previousKubeconfig);
        }
    }

    @Test
    void eachContextHasItsClusterAndEveryClientSharesTheWarmedJsonModel() {
        try (KubernetesClient defaultClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:3").build()).build();
             ClusterClients clients = new ClusterClients(defaultClient)) {
            KubernetesClient production = clients.client(Optional.of("production"));

            assertThat(production.getMasterUrl().toString()).isEqualTo("http://127.0.0.1:2/");
            assertThat(production.getKubernetesSerialization()).isSameAs(defaultClient.getKubernetesSerialization());
            assertThat(clients.client(Optional.of("production"))).isSameAs(production);
            assertThat(clients.client(Optional.empty())).isSameAs(defaultClient);
            assertThatThrownBy(() -> clients.client(Optional.of("qa"))).hasMessageContaining("context 'qa' not found");
        }
    }
}
