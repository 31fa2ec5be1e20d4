package dev.rewind.sandbox.git;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rewind.sandbox.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * GitHub's, GitLab's and Bitbucket Cloud's REST APIs over {@link SandboxGit}, on a loopback port: the subsets a GitOps
 * rollback uses (read a branch and its files, create a branch, commit, open, find and merge a pull or merge request),
 * with their status codes and error bodies. {@code /github/...} answers as {@code api.github.com},
 * {@code /gitlab/api/v4/...} as a GitLab instance, {@code /bitbucket/2.0/...} as {@code api.bitbucket.org/2.0}.
 * Requests need the configured token (Bitbucket: as a bearer token, or as the password of basic authentication);
 * tests queue failures ({@link #failNext}) and read what was received ({@link #received}).
 */
public final class GitHostStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: method, raw path and query, body. */
    public record Request(String method, String path, String query, String body) {
    }

    /**
     * A queued failure: the status and message the next request matching it gets (any when method is null), or, with
     * status 0, an action run before that request is served; {@code served}: the request is served, but answered
     * {@code status} without a body.
     */
    private record Failure(String method, String pathEnd, int status, String message, Runnable before,
                           boolean served) {

        boolean matches(String requestMethod, String path) {
            return method == null || method.equals(requestMethod) && path.endsWith(pathEnd);
        }
    }

    private final SandboxGit git;
    private final String token;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, DaemonThreads.named("sandbox-git"));
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final GitHubRoutes github;
    private final GitLabRoutes gitlab;
    private final BitbucketRoutes bitbucket;

    /** Serves {@code git} on {@code port} of 127.0.0.1 (0: any free port) to clients presenting {@code token}. */
    public GitHostStandIn(SandboxGit git, int port, String token) {
        this.git = git;
        this.token = token;
        this.github = new GitHubRoutes(git);
        this.gitlab = new GitLabRoutes(git);
        this.bitbucket = new BitbucketRoutes(git, () -> url() + "/bitbucket/2.0");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The base URL, e.g. {@code http://127.0.0.1:18481}; GitHub's API at {@code /github}, GitLab's at {@code /gitlab},
     * Bitbucket's at {@code /bitbucket}.
     */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SandboxGit git() {
        return git;
    }

    /** Answers the next {@code times} requests with {@code status} and {@code message}, as a struggling host would. */
    public synchronized void failNext(int status, String message, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(null, null, status, message, null, false));
        }
    }

    /**
     * Answers the next request {@code method} whose path ends with {@code pathEnd} (e.g. {@code PUT} and
     * {@code /merge}) with {@code status} and {@code message}; other requests are served.
     */
    public synchronized void failNext(String method, String pathEnd, int status, String message) {
        failures.add(new Failure(method, pathEnd, status, message, null, false));
    }

    /**
     * Serves the next request {@code method} whose path ends with {@code pathEnd}, but answers it {@code status}
     * without a body: a host that accepted the work (202) and finishes it on its own.
     */
    public synchronized void acceptNext(String method, String pathEnd, int status) {
        failures.add(new Failure(method, pathEnd, status, null, null, true));
    }

    /**
     * Runs {@code action} right before serving the next request {@code method} whose path ends with {@code pathEnd},
     * as something happening elsewhere while a client is between two calls.
     */
    public synchronized void beforeNext(String method, String pathEnd, Runnable action) {
        failures.add(new Failure(method, pathEnd, 0, null, action, false));
    }

    /**
     * Runs {@code action}, then answers the next request {@code method} whose path ends with {@code pathEnd} with
     * {@code status} and {@code message} unserved: a request that got no answer while something happened elsewhere.
     */
    public synchronized void failNextAfter(String method, String pathEnd, int status, String message,
                                           Runnable action) {
        failures.add(new Failure(method, pathEnd, status, message, action, false));
    }

    /** Every request received, oldest first. */
    public List<Request> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            serve(exchange);
        }
    }

    /**
     * Answers {@code exchange}, whose path starts with {@code /github/}, {@code /gitlab/} or {@code /bitbucket/}; the
     * caller closes it.
     */
    public void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Request(exchange.getRequestMethod(), path, query, body));
        Reply reply;
        try {
            reply = route(exchange, path, query, body);
        } catch (RuntimeException e) {
            reply = Reply.error(500, e.toString());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply route(HttpExchange exchange, String path, String query, String body) throws IOException {
        Failure failure = nextFailure(exchange.getRequestMethod(), path);
        if (failure != null && failure.before() != null) {
            failure.before().run();
            if (failure.status() != 0) {
                return path.startsWith("/bitbucket/") ? Reply.bitbucketError(failure.status(), failure.message())
                        : Reply.error(failure.status(), failure.message());
            }
        } else if (failure != null && failure.served()) {
            serveRoute(exchange, path, query, body);
            return Reply.empty(failure.status());
        } else if (failure != null) {
            return path.startsWith("/bitbucket/") ? Reply.bitbucketError(failure.status(), failure.message())
                    : Reply.error(failure.status(), failure.message());
        }
        return serveRoute(exchange, path, query, body);
    }

    private Reply serveRoute(HttpExchange exchange, String path, String query, String body) throws IOException {
        Map<String, String> params = query(query);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        boolean form = contentType.startsWith("application/x-www-form-urlencoded");
        JsonNode json = body.isBlank() || form ? JSON.createObjectNode() : JSON.readTree(body);
        String method = exchange.getRequestMethod();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.startsWith("/github/")) {
            if (!("Bearer " + token).equals(authorization)) {
                return Reply.error(401, "Bad credentials");
            }
            return github.route(method, path.substring("/github".length()), params, json);
        }
        if (path.startsWith("/gitlab/api/v4/")) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"))
                    && !("Bearer " + token).equals(authorization)) {
                return Reply.error(401, "401 Unauthorized");
            }
            return gitlab.route(method, path.substring("/gitlab/api/v4".length()), params, json);
        }
        if (path.startsWith("/bitbucket/2.0/")) {
            if (!("Bearer " + token).equals(authorization) && !basicWithPassword(authorization)) {
                return Reply.bitbucketError(401, "Unauthorized");
            }
            return bitbucket.route(method, path.substring("/bitbucket/2.0".length()), params, json,
                    form ? query(body) : Map.of());
        }
        return Reply.error(404, "Not Found");
    }

    /** True for basic authentication whose password is the token, whoever the user. */
    private boolean basicWithPassword(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length()).strip()),
                    StandardCharsets.UTF_8);
            return pair.endsWith(":" + token);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private synchronized Failure nextFailure(String method, String path) {
        for (Failure failure : failures) {
            if (failure.matches(method, path)) {
                failures.remove(failure);
                return failure;
            }
        }
        return null;
    }

    static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String key = decode(pair.substring(0, eq));
                    // A repeated key (refs[]=a&refs[]=b) is kept as refs[], refs[]#2, ...
                    String unique = key;
                    for (int n = 2; params.containsKey(unique); n++) {
                        unique = key + "#" + n;
                    }
                    params.put(unique, decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    /** A query's or form's value: percent-decoded, a "+" being a space. */
    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** A part of a URL's path: percent-decoded, a "+" being itself. */
    static String decodePath(String text) {
        return decode(text.replace("+", "%2B"));
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
