package dev.rewind.sandbox.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.sandbox.SandboxHttp;
import dev.rewind.sandbox.apps.DemoApps;
import dev.rewind.sandbox.apps.SlackStandIn;
import dev.rewind.sandbox.ci.PipelinesStandIn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox as the drill uses it: a Deployment rolled to a new version, a fault injected into that version through
 * the sandbox's HTTP endpoint, the monitor's Alertmanager webhook reaching a receiver with the right credential, and
 * the alert resolving once the Deployment runs the previous version again.
 */
class SandboxMonitorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private KubernetesSandbox sandbox;
    private HttpServer receiver;
    private DemoApps apps;
    private SandboxMonitor monitor;
    private SandboxHttp endpoints;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/api/v1/alerts/alertmanager", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        sandbox = KubernetesSandbox.start(0);
        apps = new DemoApps(sandbox.client()).start(Duration.ofMillis(50));
        MonitorSettings settings = MonitorSettings.fromEnvironment(Map.of(
                "SANDBOX_ALERT_WEBHOOK", "http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/api/v1/alerts/alertmanager",
                "ALERTMANAGER_TOKEN", "s3cret", "SANDBOX_ENVIRONMENTS", "shop-staging=staging",
                "SANDBOX_MONITOR_WINDOW", "2s", "SANDBOX_MONITOR_FOR", "500ms"));
        monitor = new SandboxMonitor(settings, apps).start();
        endpoints = new SandboxHttp(0, apps, monitor, new SlackStandIn(),
                new PipelinesStandIn(sandbox.client(), Duration.ofMillis(50), Map.of()), sandbox.gitOpsEndpoints());
    }

    @AfterEach
    void stop() {
        endpoints.close();
        monitor.close();
        apps.close();
        sandbox.close();
        receiver.stop(0);
    }

    @Test
    void anInjectedFaultFiresAndARollbackResolves() throws Exception {
        sandbox.deployWithHistory("shop-staging", "checkout", "registry.example/checkout", List.of("v1.0.0", "v1.1.0"));
        sandbox.deployWithHistory("shop", "checkout", "registry.example/checkout", List.of("v1.0.0", "v1.1.0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> apps.app("shop-staging", "checkout").isPresent());

        assertThat(put("/apps/shop-staging/checkout/versions/v1.1.0/fault", "error-rate=0.12").statusCode())
                .isEqualTo(204);
        assertThat(put("/apps/shop/checkout/versions/v1.1.0/fault", "error-rate=0.12").statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
        JsonNode firing = JSON.readTree(received.get(0));
        assertThat(firing.path("status").asText()).isEqualTo("firing");
        JsonNode alert = firing.path("alerts").path(0);
        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("HighErrorRate");
        assertThat(alert.path("labels").path("environment").asText()).isEqualTo("staging");
        assertThat(alert.path("labels").path("namespace").asText()).isEqualTo("shop-staging");
        assertThat(alert.path("labels").path("service").asText()).isEqualTo("checkout");
        assertThat(alert.path("labels").path("version").asText()).isEqualTo("v1.1.0");
        assertThat(alert.path("annotations").path("value").asDouble()).isBetween(0.05, 0.2);
        assertThat(authorizations.get(0)).isEqualTo("Bearer s3cret");
        assertThat(get("/metrics").body()).contains(
                "http_requests_total{namespace=\"shop-staging\",deployment=\"checkout\",version=\"v1.1.0\",code=\"500\"}");

        // What kubectl rollout undo would do: the previous template back.
        sandbox.client().apps().deployments().inNamespace("shop-staging").withName("checkout").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/checkout:v1.0.0");
            return d;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
        JsonNode resolved = JSON.readTree(received.get(1));
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("alerts").path(0).path("fingerprint").asText())
                .isEqualTo(alert.path("fingerprint").asText());
        // shop belongs to no configured environment: its fault is never alerted.
        assertThat(received).noneMatch(body -> body.contains("\"namespace\":\"shop\""));
        assertThat(JSON.readTree(get("/monitor/alerts").body())).hasSize(2);
    }

    @Test
    void aMalformedFaultIsRefusedWithAProblem() throws Exception {
        sandbox.deployWithHistory("shop-staging", "checkout", "registry.example/checkout", List.of("v1.0.0"));
        await().atMost(Duration.ofSeconds(10)).until(() -> apps.app("shop-staging", "checkout").isPresent()
                && apps.app("shop-staging", "checkout").get().served().containsKey("v1.0.0"));
        HttpResponse<String> answer = put("/apps/shop-staging/checkout/versions/v1.0.0/fault", "error-rate=lots");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("error-rate must be a number");

        HttpResponse<String> unknownVersion = put("/apps/shop-staging/checkout/versions/v9.9.9/fault", "error-rate=0.1");
        assertThat(unknownVersion.statusCode()).isEqualTo(404);
        assertThat(unknownVersion.body()).contains("has run no version v9.9.9");
        assertThat(put("/apps/nowhere/nothing/versions/v1/fault", "error-rate=0.1").statusCode()).isEqualTo(404);
        assertThat(get("/apps/nowhere/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void theSlackStandInKeepsWhatIsPosted() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(endpoints.url() + "/slack/webhook"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Rolling back checkout\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("ok");
        JsonNode messages = JSON.readTree(get("/slack/messages").body());
        assertThat(messages).hasSize(1);
        assertThat(messages.path(0).path("body").asText()).contains("Rolling back checkout");
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.url() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
