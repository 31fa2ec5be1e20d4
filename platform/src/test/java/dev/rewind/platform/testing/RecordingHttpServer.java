package dev.rewind.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A local HTTP server standing in for a vendor (Slack, PagerDuty...): records every request and answers with a
 * status the test chooses.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** One request as received; header names are lower case. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {

        /** The value of header {@code name} (any case), or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the server answers: a status, headers and a body ({@code application/json} when it starts with '{'). */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer of(int status, String body) {
            return new Answer(status, Map.of(), body);
        }

        public static Answer of(int status, Map<String, String> headers, String body) {
            return new Answer(status, headers, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Function<Request, Answer>> answers =
            new AtomicReference<>(request -> Answer.of(200, "ok"));

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
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
                Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
                recorder.requests.add(request);
                Answer answer = recorder.answers.get().apply(request);
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                if (answer.body().startsWith("{")) {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                }
                exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
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
        answers.set(request -> Answer.of(code, "ok"));
    }

    /** Answers every following request as {@code answers} says (it runs on the server's thread). */
    public void answer(Function<Request, Answer> answers) {
        this.answers.set(answers);
    }

    /** Forgets the requests received so far. */
    public void clear() {
        requests.clear();
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
