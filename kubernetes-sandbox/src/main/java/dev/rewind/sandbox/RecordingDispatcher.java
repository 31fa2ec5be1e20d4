package dev.rewind.sandbox;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Passes every request to the CRUD dispatcher and keeps the writes (POST, PUT, PATCH, DELETE) for inspection. Tests
 * can make it fail requests as a struggling API server does ({@link #fail}, {@link #failWrites}), slip another
 * client's write in right before a rollback patch ({@link #beforeNextRollbackPatch}), and apply rollback patches
 * whose answers never reach the client ({@link #withholdRollbackPatchAnswers}).
 */
public final class RecordingDispatcher extends Dispatcher {

    /**
     * A write the API server received, when ({@link System#nanoTime()} of this JVM), and the status it answered.
     */
    public record Write(String method, String path, String contentType, String body, long receivedNanos, int status) {
    }

    /** A read (GET) the API server received, of {@code path} without its query, and when ({@link System#nanoTime()}). */
    public record Read(String path, long receivedNanos) {
    }

    /** The latest reads and writes kept: enough for a test, bounded for a sandbox that serves a dev stack for days. */
    private static final int MAX_KEPT = 10_000;
    private static final String JSON_PATCH = "application/json-patch+json";
    private static final Pattern POD_LOG = Pattern.compile("^/api/v1/namespaces/[^/]+/pods/[^/]+/log$");
    private static final List<String> WRITES = List.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * How long a withheld answer is held back: far beyond any client's request timeout. The mock server sends each
     * answer from its only event loop, so an answer is delayed there, never waited for in this thread (that would
     * stop the whole API server), and a delayed answer cannot be released early.
     */
    static final Duration WITHHELD_FOR = Duration.ofHours(1);

    private final Dispatcher delegate;
    private final Deque<Write> writes = new ArrayDeque<>();
    private final Deque<Read> reads = new ArrayDeque<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, String> foreignWrites = new ConcurrentHashMap<>();
    private final List<String> withheld = new CopyOnWriteArrayList<>();

    RecordingDispatcher(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long received = System.nanoTime();
        String path = pathOf(request);
        for (Fault fault : faults) {
            if (fault.covers(request.getMethod(), path) && fault.remaining.getAndDecrement() > 0) {
                return new MockResponse().setResponseCode(fault.status).setHeader("Content-Type", "application/json")
                        .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                                + "\"sandbox: simulated failure\",\"code\":" + fault.status + "}");
            }
        }
        if ("GET".equals(request.getMethod())) {
            synchronized (reads) {
                if (reads.size() == MAX_KEPT) {
                    reads.removeFirst();
                }
                reads.addLast(new Read(path, received));
            }
            return POD_LOG.matcher(path).matches() ? podLog(path.substring(0, path.length() - "/log".length()),
                    query(request, "container")) : delegate.dispatch(request);
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
        synchronized (writes) {
            if (writes.size() == MAX_KEPT) {
                writes.removeFirst();
            }
            writes.addLast(new Write(request.getMethod(), request.getPath(), request.getHeader("Content-Type"), text,
                    received, response.code()));
        }
        if (withheld.contains(path) && isRollbackPatch(request.getMethod(), request.getHeader("Content-Type"), text)) {
            response.setBodyDelay(WITHHELD_FOR);
        }
        return response;
    }

    /**
     * Answers the next {@code times} requests whose path starts with {@code pathPrefix} with {@code status} (e.g. 503,
     * 429, 403) instead of serving them; {@code Integer.MAX_VALUE} until the returned handle is closed.
     */
    public AutoCloseable fail(String pathPrefix, int status, int times) {
        return add(new Fault(pathPrefix, false, status, new AtomicInteger(times)));
    }

    /**
     * Answers the next {@code times} writes (POST, PUT, PATCH, DELETE) whose path starts with {@code pathPrefix} with
     * {@code status} while reads are served; {@code Integer.MAX_VALUE} until the returned handle is closed.
     */
    public AutoCloseable failWrites(String pathPrefix, int status, int times) {
        return add(new Fault(pathPrefix, true, status, new AtomicInteger(times)));
    }

    private AutoCloseable add(Fault fault) {
        faults.add(fault);
        return () -> faults.remove(fault);
    }

    /**
     * Until the returned handle is closed, applies and records each rollback patch of the object at {@code path} but
     * holds its answer back for {@link #WITHHELD_FOR}: the client's request times out although its patch took effect.
     * Closing the handle answers later patches at once; an answer already held back stays lost.
     */
    public AutoCloseable withholdRollbackPatchAnswers(String path) {
        withheld.add(path);
        return () -> withheld.remove(path);
    }

    /**
     * Applies {@code jsonPatch} to the object at {@code path}, as another client would, right before the next rollback
     * patch of it is served: a write between the rollback's plan and its patch.
     */
    public void beforeNextRollbackPatch(String path, String jsonPatch) {
        foreignWrites.put(path, jsonPatch);
    }

    /**
     * A pod's logs ({@code GET .../pods/NAME/log}), which the CRUD dispatcher does not serve: read from the pod it
     * stores (a call on the dispatcher, not over the network), written by {@link PodLogs}.
     */
    private MockResponse podLog(String podPath, String container) {
        MockResponse stored = delegate.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, podPath,
                Headers.builder().build(), new Buffer(new byte[0])));
        if (stored.code() != 200) {
            return stored;
        }
        Pod pod = Serialization.unmarshal(new String(stored.getBody().getBytes(), StandardCharsets.UTF_8), Pod.class);
        PodLogs.Answer answer = PodLogs.of(pod, container);
        if (!answer.available()) {
            return new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
                    .setBody(Serialization.asJson(new StatusBuilder().withStatus("Failure").withCode(400)
                            .withReason("BadRequest").withMessage(answer.text()).build()));
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(answer.text());
    }

    private static String query(RecordedRequest request, String name) {
        String path = request.getPath() == null ? "" : request.getPath();
        int start = path.indexOf('?');
        if (start >= 0) {
            for (String parameter : path.substring(start + 1).split("&")) {
                if (parameter.startsWith(name + "=")) {
                    return URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    static boolean isRollbackPatch(String method, String contentType, String body) {
        return "PATCH".equals(method) && contentType != null && contentType.startsWith(JSON_PATCH)
                && body.contains("\"path\":\"/spec/template\",\"value\"");
    }

    List<Write> writes() {
        synchronized (writes) {
            return List.copyOf(writes);
        }
    }

    List<Read> reads() {
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }

    private static String pathOf(RecordedRequest request) {
        return request.getPath() == null ? "" : request.getPath().split("\\?")[0];
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    private record Fault(String pathPrefix, boolean writesOnly, int status, AtomicInteger remaining) {

        boolean covers(String method, String path) {
            return path.startsWith(pathPrefix) && (!writesOnly || WRITES.contains(method));
        }
    }
}
