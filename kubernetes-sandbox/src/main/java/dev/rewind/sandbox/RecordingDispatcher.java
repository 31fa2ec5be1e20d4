package dev.rewind.sandbox;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes every request to the CRUD dispatcher and keeps the writes (POST, PUT, PATCH, DELETE) for inspection. Tests
 * can make it fail requests as a struggling API server does ({@link #fail}), and slip another client's write in
 * right before a rollback patch ({@link #beforeNextRollbackPatch}).
 */
public final class RecordingDispatcher extends Dispatcher {

    /**
     * A write the API server received, when ({@link System#nanoTime()} of this JVM), and the status it answered.
     */
    public record Write(String method, String path, String contentType, String body, long receivedNanos, int status) {
    }

    private static final String JSON_PATCH = "application/json-patch+json";

    private final Dispatcher delegate;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, String> foreignWrites = new ConcurrentHashMap<>();

    RecordingDispatcher(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long received = System.nanoTime();
        String path = pathOf(request);
        for (Fault fault : faults) {
            if (path.startsWith(fault.pathPrefix) && fault.remaining.getAndDecrement() > 0) {
                return new MockResponse().setResponseCode(fault.status).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                                + "\"sandbox: simulated failure\",\"code\":" + fault.status + "}");
            }
        }
        if ("GET".equals(request.getMethod())) {
            return delegate.dispatch(request);
        }
        // getBytes() copies without consuming, so the CRUD dispatcher still reads the whole body.
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
        String text = new String(body, StandardCharsets.UTF_8);
        if (isRollbackPatch(request.getMethod(), request.getHeader("Content-Type"), text)) {
            String foreign = foreignWrites.remove(path);
            if (foreign != null) {
                delegate.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.PATCH, path,
                        Headers.builder().add("Content-Type", JSON_PATCH).build(),
                        new Buffer(foreign.getBytes(StandardCharsets.UTF_8))));
            }
        }
        MockResponse response = delegate.dispatch(request);
        writes.add(new Write(request.getMethod(), request.getPath(), request.getHeader("Content-Type"), text, received,
                response.code()));
        return response;
    }

    /**
     * Answers the next {@code times} requests whose path starts with {@code pathPrefix} with {@code status} (e.g. 503,
     * 429, 403) instead of serving them; {@code Integer.MAX_VALUE} until the returned handle is closed.
     */
    public AutoCloseable fail(String pathPrefix, int status, int times) {
        Fault fault = new Fault(pathPrefix, status, new AtomicInteger(times));
        faults.add(fault);
        return () -> faults.remove(fault);
    }

    /**
     * Applies {@code jsonPatch} to the object at {@code path}, as another client would, right before the next rollback
     * patch of it is served: a write between the rollback's plan and its patch.
     */
    public void beforeNextRollbackPatch(String path, String jsonPatch) {
        foreignWrites.put(path, jsonPatch);
    }

    static boolean isRollbackPatch(String method, String contentType, String body) {
        return "PATCH".equals(method) && contentType != null && contentType.startsWith(JSON_PATCH)
                && body.contains("\"path\":\"/spec/template\",\"value\"");
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    private static String pathOf(RecordedRequest request) {
        return request.getPath() == null ? "" : request.getPath().split("\\?")[0];
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    private record Fault(String pathPrefix, int status, AtomicInteger remaining) {
    }
}
