package dev.rewind.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Rewind's APIs as a local HTTP server answering canned responses (copied from the real resources' shapes) by method
 * and path with query; records every request it receives.
 */
final class StubRewind implements AutoCloseable {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    /** A canned answer. */
    record Reply(int status, String contentType, String body) {
    }

    /** A request as received. */
    record Received(String method, String uri, String authorization, String idempotencyKey, String body) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubRewind() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** Answers {@code method uri} (the path with its raw query, if any) with {@code reply}. */
    StubRewind on(String method, String uri, int status, String contentType, String body) {
        replies.put(method + " " + uri, new Reply(status, contentType, body));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fixture of src/test/resources/api. */
    static String fixture(String name) {
        try (InputStream in = StubRewind.class.getResourceAsStream("/api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), uri,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
        Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + uri, new Reply(404, PROBLEM,
                "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"the stub has nothing at " + uri + "\"}"));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
