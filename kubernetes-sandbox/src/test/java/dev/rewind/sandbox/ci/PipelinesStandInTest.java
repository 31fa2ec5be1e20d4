package dev.rewind.sandbox.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.SandboxHttp;
import dev.rewind.sandbox.apps.DemoApps;
import dev.rewind.sandbox.apps.SlackStandIn;
import dev.rewind.sandbox.monitor.MonitorSettings;
import dev.rewind.sandbox.monitor.SandboxMonitor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox's CI stand-in answers as Bitbucket's pipelines API does, and its runs deploy, or not, as set. */
class PipelinesStandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIGGER = """
            {"target":{"type":"pipeline_ref_target","ref_type":"branch","ref_name":"main",
              "selector":{"type":"custom","pattern":"rollback-staging"}},
             "variables":[{"key":"SERVICE","value":"checkout","secured":false},
                          {"key":"VERSION","value":"v1.0.0","secured":false},
                          {"key":"REWIND_EXECUTION","value":"e-1","secured":false}]}""";

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
                new PipelinesStandIn(sandbox.client(), Duration.ofMillis(20),
                        Map.of("shop-staging", "staging", "shop-production", "production")),
                sandbox.gitOpsEndpoints());
        // The same repository's Deployment in staging and in production: a staging pipeline deploys to staging only.
        for (String namespace : List.of("shop-staging", "shop-production")) {
            sandbox.deployWithHistory(namespace, "checkout", "registry.example/shop/checkout",
                    List.of("v1.0.0", "v1.1.0"));
            sandbox.client().apps().deployments().inNamespace(namespace).withName("checkout").edit(d -> {
                d.getMetadata().getAnnotations().put(PipelinesStandIn.REPOSITORY_ANNOTATION, "shop/checkout");
                return d;
            });
        }
    }

    @AfterEach
    void stop() {
        endpoints.close();
        monitor.close();
        apps.close();
        sandbox.close();
    }

    @Test
    void aRunStartsPendingThenDeploysItsVersionAndSucceeds() throws Exception {
        HttpResponse<String> started = send("POST", "/bitbucket/2.0/repositories/shop/checkout/pipelines/", TRIGGER);
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode run = JSON.readTree(started.body());
        assertThat(run.path("uuid").asText()).startsWith("{").endsWith("}");
        assertThat(run.path("build_number").asLong()).isEqualTo(1);
        assertThat(run.at("/state/name").asText()).isEqualTo("PENDING");
        assertThat(run.at("/target/selector/pattern").asText()).isEqualTo("rollback-staging");
        assertThat(run.path("variables").findValuesAsText("key")).contains("REWIND_EXECUTION");

        String one = "/bitbucket/2.0/repositories/shop/checkout/pipelines/"
                + URLEncoder.encode(run.path("uuid").asText(), StandardCharsets.UTF_8);
        await().until(() -> JSON.readTree(send("GET", one, null).body()).at("/state/result/name").asText(),
                "SUCCESSFUL"::equals);
        assertThat(image()).isEqualTo("registry.example/shop/checkout:v1.0.0");
        assertThat(image("shop-production")).as("the pipeline is staging's").endsWith(":v1.1.0");
        assertThat(JSON.readTree(send("GET", "/ci/shop/checkout/pipelines/results/1", null).body())
                .path("uuid").asText()).as("the run's page").isEqualTo(run.path("uuid").asText());
        JsonNode page = JSON.readTree(send("GET", "/bitbucket/2.0/repositories/shop/checkout/pipelines/"
                + "?sort=-created_on&pagelen=5", null).body());
        assertThat(page.path("values").findValuesAsText("uuid")).containsExactly(run.path("uuid").asText());
    }

    @Test
    void aRepositorySetToDeployNothingSucceedsWithoutDeploying() throws Exception {
        assertThat(send("PUT", "/ci/repositories/shop/checkout/outcome", "deploys-nothing").statusCode())
                .isEqualTo(204);
        JsonNode run = JSON.readTree(send("POST", "/bitbucket/2.0/repositories/shop/checkout/pipelines/", TRIGGER)
                .body());
        String one = "/bitbucket/2.0/repositories/shop/checkout/pipelines/"
                + URLEncoder.encode(run.path("uuid").asText(), StandardCharsets.UTF_8);
        await().until(() -> JSON.readTree(send("GET", one, null).body()).at("/state/name").asText(),
                "COMPLETED"::equals);
        assertThat(JSON.readTree(send("GET", one, null).body()).at("/state/result/name").asText())
                .isEqualTo("SUCCESSFUL");
        assertThat(image()).isEqualTo("registry.example/shop/checkout:v1.1.0");
    }

    @Test
    void aFailingPipelineFails() throws Exception {
        send("PUT", "/ci/repositories/shop/checkout/outcome", "fails");
        JsonNode run = JSON.readTree(send("POST", "/bitbucket/2.0/repositories/shop/checkout/pipelines/", TRIGGER)
                .body());
        String one = "/bitbucket/2.0/repositories/shop/checkout/pipelines/"
                + URLEncoder.encode(run.path("uuid").asText(), StandardCharsets.UTF_8);
        await().until(() -> JSON.readTree(send("GET", one, null).body()).at("/state/result/name").asText(),
                "FAILED"::equals);
        assertThat(image()).endsWith(":v1.1.0");
    }

    @Test
    void unauthenticatedUnknownAndMalformedRequestsAreRefusedInBitbucketsShape() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(endpoints.url()
                + "/bitbucket/2.0/repositories/shop/checkout/pipelines/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).at("/error/message").asText()).isEqualTo("Authentication required");
        HttpResponse<String> unknown = send("GET", "/bitbucket/2.0/repositories/shop/checkout/pipelines/%7Bnope%7D",
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).at("/error/message").asText()).contains("{nope}");
        assertThat(send("POST", "/bitbucket/2.0/repositories/shop/checkout/pipelines/", "not json").statusCode())
                .isEqualTo(400);
        HttpResponse<String> badOutcome = send("PUT", "/ci/repositories/shop/checkout/outcome", "sometimes");
        assertThat(badOutcome.statusCode()).isEqualTo(400);
        assertThat(badOutcome.body()).contains("deploys, deploys-nothing or fails");
    }

    @Test
    void aRunWithoutAVersionFails() throws Exception {
        JsonNode run = JSON.readTree(send("POST", "/bitbucket/2.0/repositories/shop/checkout/pipelines/",
                TRIGGER.replace("\"v1.0.0\"", "\"\"")).body());
        String one = "/bitbucket/2.0/repositories/shop/checkout/pipelines/"
                + URLEncoder.encode(run.path("uuid").asText(), StandardCharsets.UTF_8);
        await().until(() -> JSON.readTree(send("GET", one, null).body()).at("/state/result/name").asText(),
                "FAILED"::equals);
        assertThat(image()).endsWith(":v1.1.0");
    }

    private String image() {
        return image("shop-staging");
    }

    private String image(String namespace) {
        return sandbox.client().apps().deployments().inNamespace(namespace).withName("checkout").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.url() + path))
                .header("Authorization", "Bearer sandbox")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
