package dev.rewind.sandbox.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.SandboxHttp;
import dev.rewind.sandbox.apps.DemoApps;
import dev.rewind.sandbox.apps.SlackStandIn;
import dev.rewind.sandbox.ci.PipelinesStandIn;
import dev.rewind.sandbox.monitor.MonitorSettings;
import dev.rewind.sandbox.monitor.SandboxMonitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A team's GitOps moves over the sandbox's HTTP endpoints, and GitHub's and Bitbucket's APIs beside them on the same
 * port.
 */
class GitOpsEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private KubernetesSandbox sandbox;
    private DemoApps apps;
    private SandboxMonitor monitor;
    private SandboxHttp endpoints;

    @BeforeEach
    void start() {
        sandbox = KubernetesSandbox.start(0);
        apps = new DemoApps(sandbox.client());
        monitor = new SandboxMonitor(MonitorSettings.fromEnvironment(Map.of("SANDBOX_MONITOR", "off")), apps);
        endpoints = new SandboxHttp(0, apps, monitor, new SlackStandIn(),
                new PipelinesStandIn(sandbox.client(), Duration.ofMillis(50), Map.of()), sandbox.gitOpsEndpoints());
        sandbox.deployWithHistory("shop", "checkout", "registry.example/shop/checkout", List.of("v1.0.0", "v1.1.0"));
    }

    @AfterEach
    void stop() {
        endpoints.close();
        monitor.close();
        apps.close();
        sandbox.close();
    }

    @Test
    void aDeploymentPutUnderArgoCdIsReleasedThroughGit() throws Exception {
        assertThat(send("PUT", "/gitops/shop/checkout/owner", "argocd").statusCode()).isEqualTo(204);

        assertThat(send("PUT", "/gitops/shop/checkout/release", "v1.2.0").statusCode()).isEqualTo(204);

        await().untilAsserted(() -> assertThat(image()).isEqualTo("registry.example/shop/checkout:v1.2.0"));
        JsonNode state = JSON.readTree(send("GET", "/gitops/shop/checkout", null).body());
        assertThat(state.path("images").get(0).asText()).isEqualTo("registry.example/shop/checkout:v1.2.0");
        HttpResponse<String> ref = withToken("/github/repos/shop/deploy/git/ref/heads/main");
        assertThat(JSON.readTree(ref.body()).at("/object/sha").asText()).isEqualTo(state.path("revision").asText());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        assertThat(send("PUT", "/gitops/shop/checkout/owner", "spinnaker").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/gitops/shop/checkout/release", "v1.2.0").body()).contains("PUT .../owner first");
        assertThat(send("GET", "/gitops/shop/nothing", null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/gitops/shop/checkout/owner", "argocd").statusCode()).isEqualTo(204);
        assertThat(send("GET", "/github/repos/shop/deploy/git/ref/heads/main", null).statusCode())
                .as("the token is checked").isEqualTo(401);
    }

    @Test
    void bitbucketsRepositoryApiIsServedBesideItsPipelines() throws Exception {
        assertThat(send("PUT", "/gitops/shop/checkout/owner", "argocd").statusCode()).isEqualTo(204);
        String revision = JSON.readTree(send("GET", "/gitops/shop/checkout", null).body()).path("revision").asText();

        HttpResponse<String> branch = withToken("/bitbucket/2.0/repositories/shop/deploy/refs/branches/main");
        HttpResponse<String> runs = withToken("/bitbucket/2.0/repositories/shop/deploy/pipelines/");

        assertThat(JSON.readTree(branch.body()).at("/target/hash").asText()).isEqualTo(revision);
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(runs.body()).path("values").isArray()).as("the CI stand-in's run list").isTrue();
    }

    private String image() {
        return sandbox.client().apps().deployments().inNamespace("shop").withName("checkout").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withToken(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.url() + path))
                .header("Authorization", "Bearer " + KubernetesSandbox.GIT_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
