package dev.rewind.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.sandbox.apps.DemoApps;
import dev.rewind.sandbox.apps.DemoTraffic;
import dev.rewind.sandbox.apps.Fault;
import dev.rewind.sandbox.apps.PrometheusText;
import dev.rewind.sandbox.apps.SlackStandIn;
import dev.rewind.sandbox.ci.PipelineOutcome;
import dev.rewind.sandbox.ci.PipelinesStandIn;
import dev.rewind.sandbox.gitops.GitOpsEndpoints;
import dev.rewind.sandbox.monitor.SandboxMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sandbox's own HTTP endpoints beside its Kubernetes API: the demo applications (Prometheus metrics, health,
 * status, fault injection), the monitor's sent alerts, and the Slack, CI and Git hosting stand-ins.
 * <ul>
 *   <li>{@code GET /metrics}: every application's metrics, Prometheus text format</li>
 *   <li>{@code GET /apps/{namespace}/{deployment}}: the versions running, their faults, requests served</li>
 *   <li>{@code GET /apps/{namespace}/{deployment}/health}: 200 or 503</li>
 *   <li>{@code PUT|DELETE /apps/{namespace}/{deployment}/versions/{version}/fault}: inject
 *       ({@code error-rate=0.12}) or remove a fault</li>
 *   <li>{@code GET /monitor/alerts}: the alerts the monitor sent</li>
 *   <li>{@code POST /slack/webhook}, {@code GET /slack/messages}: the Slack stand-in</li>
 *   <li>{@code /bitbucket/2.0/repositories/{workspace}/{slug}/pipelines/...}: the CI's rollback pipelines, as
 *       Bitbucket's API (start, read one, list); {@code PUT /ci/repositories/{workspace}/{slug}/outcome} with
 *       {@code deploys}, {@code deploys-nothing} or {@code fails} sets what that repository's pipeline does;
 *       {@code GET /ci/{workspace}/{slug}/pipelines/results/{number}}: a run, where its web page would be</li>
 *   <li>{@code /github/...}, {@code /gitlab/api/v4/...}, {@code /bitbucket/2.0/repositories/...} (but pipelines),
 *       {@code /gitops/{namespace}/{deployment}/...}: the Git repository Argo CD's and Flux's stand-ins deploy from,
 *       as GitHub's, GitLab's and Bitbucket's APIs, and a team's moves through it ({@link GitOpsEndpoints})</li>
 * </ul>
 */
public final class SandboxHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4,
            DaemonThreads.named("sandbox-http"));
    private final DemoApps apps;
    private final SandboxMonitor monitor;
    private final SlackStandIn slack;
    private final PipelinesStandIn pipelines;
    private final GitOpsEndpoints gitops;

    /** Serves on {@code port} of 127.0.0.1 (0 for any free port). */
    public SandboxHttp(int port, DemoApps apps, SandboxMonitor monitor, SlackStandIn slack,
                       PipelinesStandIn pipelines, GitOpsEndpoints gitops) {
        this.apps = apps;
        this.monitor = monitor;
        this.slack = slack;
        this.pipelines = pipelines;
        this.gitops = gitops;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:18480}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                problem(exchange, 500, e.toString());
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().replaceAll("^/+|/+$", "").split("/");
        if (gitops.serve(exchange, method, path)) {
            return;
        }
        if (method.equals("GET") && path.length == 1 && path[0].equals("metrics")) {
            send(exchange, 200, "text/plain; version=0.0.4", PrometheusText.render(apps.apps()));
        } else if (path[0].equals("apps") && path.length >= 3) {
            apps(exchange, method, path);
        } else if (method.equals("GET") && String.join("/", path).equals("monitor/alerts")) {
            json(exchange, 200, monitor.sent());
        } else if (method.equals("POST") && String.join("/", path).equals("slack/webhook")) {
            slack.received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(exchange, 200, "text/plain", "ok");
        } else if (method.equals("GET") && String.join("/", path).equals("slack/messages")) {
            json(exchange, 200, slack.messages());
        } else if (path.length >= 6 && path[0].equals("bitbucket") && String.join("/", path).startsWith(
                "bitbucket/2.0/repositories/") && path[5].equals("pipelines")) {
            pipelines(exchange, method, path);
        } else if (method.equals("GET") && path.length == 6 && path[0].equals("ci") && path[3].equals("pipelines")
                && path[4].equals("results") && path[5].matches("[0-9]{1,9}")) {
            Optional<?> run = pipelines.runNumber(path[1] + "/" + path[2], Long.parseLong(path[5]));
            if (run.isPresent()) {
                json(exchange, 200, run.get());
            } else {
                problem(exchange, 404, "no run " + path[5] + " of " + path[1] + "/" + path[2]);
            }
        } else if (method.equals("PUT") && path.length == 5 && path[0].equals("ci") && path[1].equals("repositories")
                && path[4].equals("outcome")) {
            try {
                pipelines.outcome(path[2] + "/" + path[3], PipelineOutcome.parse(body(exchange)));
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "body: " + e.getMessage());
                return;
            }
            send(exchange, 204, null, null);
        } else {
            problem(exchange, 404, "no such endpoint: " + method + " " + exchange.getRequestURI().getPath());
        }
    }

    private void apps(HttpExchange exchange, String method, String[] path) throws IOException {
        String namespace = path[1];
        String deployment = path[2];
        Optional<DemoTraffic> traffic = apps.app(namespace, deployment);
        if (traffic.isEmpty()) {
            problem(exchange, 404, "no demo application for Deployment " + namespace + "/" + deployment);
            return;
        }
        if (path.length == 6 && path[3].equals("versions") && path[5].equals("fault")) {
            if (!traffic.get().served().containsKey(path[4])) {
                problem(exchange, 404, "Deployment " + namespace + "/" + deployment + " has run no version "
                        + path[4] + " (it ran " + traffic.get().served().keySet() + ")");
            } else if (method.equals("PUT")) {
                Fault fault;
                try {
                    fault = Fault.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    problem(exchange, 400, "body: " + e.getMessage());
                    return;
                }
                apps.inject(namespace, deployment, path[4], fault);
                send(exchange, 204, null, null);
            } else if (method.equals("DELETE")) {
                apps.heal(namespace, deployment, path[4]);
                send(exchange, 204, null, null);
            } else {
                problem(exchange, 405, "use PUT or DELETE on a version's fault");
            }
            return;
        }
        if (method.equals("GET") && path.length == 4 && path[3].equals("health")) {
            boolean healthy = traffic.get().healthy();
            json(exchange, healthy ? 200 : 503, Map.of("status", healthy ? "UP" : "DOWN"));
        } else if (method.equals("GET") && path.length == 3) {
            json(exchange, 200, status(traffic.get()));
        } else {
            problem(exchange, 404, "no such endpoint: " + method + " " + exchange.getRequestURI().getPath());
        }
    }

    /** Bitbucket's pipelines API: its answers, and its error shape, for the executor's pipeline method. */
    private void pipelines(HttpExchange exchange, String method, String[] path) throws IOException {
        String repository = path[3] + "/" + path[4];
        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            bitbucketError(exchange, 401, "Authentication required");
        } else if (method.equals("POST") && path.length == 6) {
            JsonNode body;
            try {
                body = JSON.readTree(body(exchange));
            } catch (JsonProcessingException e) {
                bitbucketError(exchange, 400, "the body is not JSON");
                return;
            }
            json(exchange, 201, pipelines.trigger(repository, body));
        } else if (method.equals("GET") && path.length == 6) {
            json(exchange, 200, pipelines.list(repository, pagelen(exchange.getRequestURI().getQuery())));
        } else if (method.equals("GET") && path.length == 7) {
            Optional<?> run = pipelines.run(repository, path[6]);
            if (run.isPresent()) {
                json(exchange, 200, run.get());
            } else {
                bitbucketError(exchange, 404, "no pipeline " + path[6] + " in " + repository);
            }
        } else {
            bitbucketError(exchange, 404, "no such endpoint: " + method + " " + exchange.getRequestURI().getPath());
        }
    }

    private static int pagelen(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("pagelen=") && parameter.substring(8).matches("[0-9]{1,3}")) {
                    return Math.max(1, Integer.parseInt(parameter.substring(8)));
                }
            }
        }
        return 10;
    }

    private static void bitbucketError(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("type", "error", "error", Map.of("message", message)));
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> status(DemoTraffic traffic) {
        Map<String, Object> status = new LinkedHashMap<>();
        List<Map<String, Object>> running = traffic.running().stream().map(version -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("version", version.version());
            one.put("readyReplicas", version.readyReplicas());
            one.put("fault", version.fault().equals(Fault.NONE) ? null : version.fault().toString());
            return one;
        }).toList();
        status.put("running", running);
        status.put("healthy", traffic.healthy());
        status.put("p99Seconds", traffic.p99Seconds());
        status.put("served", traffic.served());
        return status;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        send(exchange, status, "application/problem+json",
                JSON.writeValueAsString(Map.of("status", status, "detail", detail)));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
