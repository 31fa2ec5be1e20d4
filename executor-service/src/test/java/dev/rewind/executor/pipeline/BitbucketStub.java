package dev.rewind.executor.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.rewind.platform.testing.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Bitbucket Cloud's pipelines API (REST 2.0) on an ephemeral port: it starts runs (201, PENDING,
 * uuid in braces, build numbers counting up), answers one run by its percent-encoded uuid, lists runs newest first
 * ({@code sort=-created_on}, {@code pagelen}), checks the Authorization header (401 otherwise) and answers errors in
 * Bitbucket's shape. Tests move runs through their states, queue failures, and read every request it received.
 */
public final class BitbucketStub extends LoopbackHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = "^/2\\.0/repositories/([^/]+)/([^/]+)/pipelines/?(.*)$";

    /**
     * One request as received: the raw (still percent-encoded) path, the query, headers by lower-case name, and when
     * it arrived ({@link System#nanoTime()}), for benchmarks.
     */
    public record Request(String method, String rawPath, String query, Map<String, String> headers, String body,
                          long receivedNanos) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Canned(int status, String body, Map<String, String> headers) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
    private final Deque<Canned> cannedTriggers = new ArrayDeque<>();
    private final Deque<Canned> cannedReads = new ArrayDeque<>();
    private volatile String expectedAuthorization = "Bearer test-token";
    private volatile boolean variablesInList = true;
    private volatile boolean variablesShown = true;
    private volatile CountDownLatch triggerHeld;
    private long buildNumber;

    private BitbucketStub() {
        listen();
    }

    public static BitbucketStub start() {
        return new BitbucketStub();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method) {
        return requests.stream().filter(request -> request.method().equals(method)).toList();
    }

    /** The Authorization header every request must carry; others are answered 401. */
    public void expectAuthorization(String authorization) {
        this.expectedAuthorization = authorization;
    }

    /** The next triggers are answered {@code status} with {@code body}, one each, before runs are started again. */
    public synchronized void answerTriggers(int status, String body, Map<String, String> headers, int times) {
        for (int i = 0; i < times; i++) {
            cannedTriggers.add(new Canned(status, body, headers));
        }
    }

    /** The next reads (one run or the list) are answered {@code status} with {@code body}, one each. */
    public synchronized void answerReads(int status, String body, int times) {
        for (int i = 0; i < times; i++) {
            cannedReads.add(new Canned(status, body, Map.of()));
        }
    }

    /** Bitbucket's error body. */
    public static String error(String message, String detail) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        ObjectNode error = body.putObject("error").put("message", message);
        if (detail != null) {
            error.put("detail", detail);
        }
        return body.toString();
    }

    /**
     * The next trigger waits, unanswered, until the returned latch is counted down (outlasting the client's read
     * timeout); then it starts its run like any other, as Bitbucket does with a request whose client gave up.
     */
    public CountDownLatch holdNextTrigger() {
        CountDownLatch latch = new CountDownLatch(1);
        triggerHeld = latch;
        return latch;
    }

    /** Whether the list of runs carries each run's variables (the single run still does). */
    public void listVariables(boolean shown) {
        this.variablesInList = shown;
    }

    /** Whether any answer carries variables (only {@code has_variables} otherwise). */
    public void showVariables(boolean shown) {
        this.variablesShown = shown;
    }

    /** Starts a run as a trigger would; returns its uuid. */
    public synchronized String startRun(String workspace, String slug, String selectorType, String pattern,
            Map<String, String> variables) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode target = body.putObject("target").put("type", "pipeline_ref_target").put("ref_type", "branch")
                .put("ref_name", "main");
        target.putObject("selector").put("type", selectorType).put("pattern", pattern);
        ArrayNode vars = body.putArray("variables");
        variables.forEach((key, value) -> vars.addObject().put("key", key).put("value", value).put("secured", false));
        return create(workspace, slug, body).path("uuid").asText();
    }

    /** The uuid of the newest run of repository {@code workspace/slug}, if one started. */
    public synchronized Optional<String> newestRunOf(String repository) {
        return runs.values().stream().filter(run -> run.at("/repository/full_name").asText().equals(repository))
                .map(run -> run.path("uuid").asText()).reduce((first, later) -> later);
    }

    /** Moves a run on: state PENDING / IN_PROGRESS / COMPLETED, with the stage or result name (or null). */
    public synchronized void setState(String uuid, String state, String stageOrResult, String errorMessage) {
        ObjectNode run = runs.get(uuid);
        ObjectNode node = run.putObject("state").put("type", "pipeline_state_" + state.toLowerCase(Locale.ROOT))
                .put("name", state);
        if ("IN_PROGRESS".equals(state) && stageOrResult != null) {
            node.putObject("stage").put("name", stageOrResult);
        }
        if ("COMPLETED".equals(state) && stageOrResult != null) {
            ObjectNode result = node.putObject("result").put("name", stageOrResult);
            if (errorMessage != null) {
                result.putObject("error").put("key", "agent.build.error").put("message", errorMessage);
            }
        }
        if ("COMPLETED".equals(state)) {
            run.put("completed_on", Instant.now().toString());
        }
    }

    @Override
    protected void handle(HttpExchange exchange) {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            URI uri = exchange.getRequestURI();
            Request request = new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
                    body, System.nanoTime());
            requests.add(request);
            Canned answer = answer(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            send(exchange, answer.status(), answer.body());
        } catch (IOException e) {
            // The client gave up on this request (its read timeout): nobody is listening for the answer.
        } finally {
            exchange.close();
        }
    }

    private Canned answer(Request request) {
        if (!request.rawPath().matches(PIPELINES)) {
            return new Canned(404, error("Resource not found", null), Map.of());
        }
        if (!expectedAuthorization.equals(request.header("Authorization"))) {
            return new Canned(401, error("Unauthorized", "Access token expired or invalid."), Map.of());
        }
        String workspace = request.rawPath().replaceAll(PIPELINES, "$1");
        String slug = request.rawPath().replaceAll(PIPELINES, "$2");
        String rest = request.rawPath().replaceAll(PIPELINES, "$3");
        if (request.method().equals("POST") && rest.isEmpty()) {
            return trigger(workspace, slug, request.body());
        }
        if (request.method().equals("GET")) {
            Optional<Canned> canned = next(cannedReads);
            if (canned.isPresent()) {
                return canned.get();
            }
            return rest.isEmpty() ? list(request.query()) : one(URLDecoder.decode(rest, StandardCharsets.UTF_8));
        }
        return new Canned(405, error("Method not allowed", null), Map.of());
    }

    private Canned trigger(String workspace, String slug, String body) {
        CountDownLatch held = triggerHeld;
        if (held != null) {
            triggerHeld = null;
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<Canned> canned = next(cannedTriggers);
        if (canned.isPresent()) {
            return canned.get();
        }
        try {
            synchronized (this) {
                return new Canned(201, withoutHiddenVariables(create(workspace, slug, JSON.readTree(body)), true)
                        .toString(), Map.of());
            }
        } catch (IOException e) {
            return new Canned(400, error("Bad request", "the body is not JSON"), Map.of());
        }
    }

    private synchronized Optional<Canned> next(Deque<Canned> canned) {
        return Optional.ofNullable(canned.poll());
    }

    private synchronized ObjectNode create(String workspace, String slug, JsonNode request) {
        ObjectNode run = JSON.createObjectNode().put("type", "pipeline")
                .put("uuid", "{" + UUID.randomUUID() + "}").put("build_number", ++buildNumber);
        run.putObject("repository").put("type", "repository").put("full_name", workspace + "/" + slug);
        run.set("target", request.path("target").deepCopy());
        run.putObject("trigger").put("type", "pipeline_trigger_manual").put("name", "MANUAL");
        run.putObject("state").put("type", "pipeline_state_pending").put("name", "PENDING");
        JsonNode variables = request.path("variables");
        run.put("has_variables", variables.isArray() && !variables.isEmpty());
        run.set("variables", variables.isArray() ? variables.deepCopy() : JSON.createArrayNode());
        run.put("created_on", Instant.now().toString());
        runs.put(run.path("uuid").asText(), run);
        return run;
    }

    private synchronized Canned one(String uuid) {
        ObjectNode run = runs.get(uuid);
        if (run == null) {
            return new Canned(404, error("pipeline not found", "No pipeline with uuid " + uuid), Map.of());
        }
        return new Canned(200, withoutHiddenVariables(run, true).toString(), Map.of());
    }

    private synchronized Canned list(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] keyValue = pair.split("=", 2);
            parameters.put(keyValue[0], keyValue.length > 1 ? URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8)
                    : "");
        }
        List<ObjectNode> ordered = new ArrayList<>(runs.values());
        if ("-created_on".equals(parameters.get("sort"))) {
            // Bitbucket lists the oldest first unless told otherwise.
            Collections.reverse(ordered);
        }
        int pagelen = Integer.parseInt(parameters.getOrDefault("pagelen", "10"));
        ObjectNode page = JSON.createObjectNode().put("page", 1).put("pagelen", pagelen).put("size", ordered.size());
        ArrayNode values = page.putArray("values");
        ordered.stream().limit(pagelen).forEach(run -> values.add(withoutHiddenVariables(run, variablesInList)));
        return new Canned(200, page.toString(), Map.of());
    }

    private ObjectNode withoutHiddenVariables(ObjectNode run, boolean shownHere) {
        ObjectNode copy = run.deepCopy();
        if (!shownHere || !variablesShown) {
            copy.remove("variables");
        }
        return copy;
    }

}
