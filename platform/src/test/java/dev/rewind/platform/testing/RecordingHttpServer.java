package dev.rewind.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local HTTP server standing in for a vendor (Slack, PagerDuty...): records every request and answers with a
 * status the test chooses.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    private RecordingHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static RecordingHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RecordingHttpServer recorder = new RecordingHttpServer(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                recorder.requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
                byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(recorder.status.get(), answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every following request with {@code code}. */
    public void respondWith(int code) {
        status.set(code);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose body contains {@code text}. */
    public List<Request> requestsContaining(String text) {
        return requests.stream().filter(r -> r.body().contains(text)).collect(Collectors.toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
