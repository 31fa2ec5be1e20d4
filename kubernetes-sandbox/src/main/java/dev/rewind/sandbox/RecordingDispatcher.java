package dev.rewind.sandbox;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes every request to the CRUD dispatcher and keeps the writes (POST, PUT, PATCH, DELETE) for inspection. */
public final class RecordingDispatcher extends Dispatcher {

    /** A write the API server received, and when ({@link System#nanoTime()} of this JVM). */
    public record Write(String method, String path, String contentType, String body, long receivedNanos) {
    }

    private final Dispatcher delegate;
    private final List<Write> writes = new CopyOnWriteArrayList<>();

    RecordingDispatcher(Dispatcher delegate) {
        this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        long received = System.nanoTime();
        if (!"GET".equals(request.getMethod())) {
            // getBytes() copies without consuming, so the CRUD dispatcher still reads the whole body.
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody().getBytes();
            writes.add(new Write(request.getMethod(), request.getPath(), request.getHeader("Content-Type"),
                    new String(body, StandardCharsets.UTF_8), received));
        }
        return delegate.dispatch(request);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
