package dev.rewind.executor.verification;

import com.sun.net.httpserver.HttpExchange;
import dev.rewind.platform.testing.LoopbackHttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in, on an ephemeral port, for what verification calls over HTTP: services' health and smoke pages
 * (any path, answered as a test set it, 404 otherwise) and Prometheus' instant query API ({@code POST /api/v1/query}
 * with a form, answered with the vector a test set for that exact query, an empty vector otherwise).
 */
public final class ServiceStub extends LoopbackHttpServer {

    /** One request as received: method, path and, for Prometheus, the decoded query. */
    public record Request(String method, String path, String query) {
    }

    private record Page(int status, String body) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Deque<Page>> firstPages = new ConcurrentHashMap<>();
    private final Map<String, String> prometheus = new ConcurrentHashMap<>();

    private ServiceStub() {
        listen();
    }

    public static ServiceStub start() {
        return new ServiceStub();
    }

    /** GET {@code path} answers {@code status} with {@code body} from now on. */
    public void page(String path, int status, String body) {
        pages.put(path, new Page(status, body));
    }

    /** The next GETs of {@code path} answer {@code status} once each, before its page is served again. */
    public void first(String path, int status, int times) {
        Deque<Page> queue = firstPages.computeIfAbsent(path, p -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(new Page(status, "starting"));
            }
        }
    }

    /** Prometheus answers {@code query} with a vector of one sample of {@code value} labelled {@code service}. */
    public void sample(String query, String service, String value) {
        prometheus.put(query, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"service":"%s"},"value":[1700000000.123,"%s"]}]}}""".formatted(service, value));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    protected void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            Page answer;
            if ("/api/v1/query".equals(path)) {
                String query = formField(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                        "query");
                requests.add(new Request(exchange.getRequestMethod(), path, query));
                answer = "POST".equals(exchange.getRequestMethod())
                        ? new Page(200, prometheus.getOrDefault(query,
                                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"))
                        : new Page(405, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"POST only\"}");
            } else {
                requests.add(new Request(exchange.getRequestMethod(), path, null));
                answer = next(path);
            }
            send(exchange, answer.status(), answer.body());
        } catch (IOException e) {
            // The client gave up on this request: nobody is listening for the answer.
        } finally {
            exchange.close();
        }
    }

    private Page next(String path) {
        Deque<Page> queue = firstPages.get(path);
        if (queue != null) {
            synchronized (queue) {
                if (!queue.isEmpty()) {
                    return queue.poll();
                }
            }
        }
        return pages.getOrDefault(path, new Page(404, "not found"));
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

}
