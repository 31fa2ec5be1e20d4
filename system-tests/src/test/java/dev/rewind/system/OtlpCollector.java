package dev.rewind.system;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stand-in for an OpenTelemetry Collector: receives the spans the services export over OTLP/HTTP (protobuf, POST
 * /v1/traces) and keeps them, with their service's name, for tests to read.
 */
final class OtlpCollector implements AutoCloseable {

    /**
     * One received span; ids in lowercase hex, {@code parentSpanId} empty for a trace's root, times in nanoseconds
     * since the epoch (each service's clock: the services and this collector share one machine's).
     */
    record CollectedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                         Span.SpanKind kind, List<KeyValue> attributes, long startNanos, long endNanos) {

        String attribute(String key) {
            return attributes.stream().filter(a -> a.getKey().equals(key)).findFirst()
                    .map(a -> a.getValue().getStringValue()).orElse(null);
        }
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new ArrayList<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpCollector collector = new OtlpCollector(server);
            server.createContext("/", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    collector.add(ExportTraceServiceRequest.parseFrom(body));
                } catch (IOException | RuntimeException | LinkageError e) {
                    collector.failures.add(exchange.getRequestURI() + ": " + e);
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                    return;
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL services export to ({@code REWIND_OTLP_ENDPOINT}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans received so far of trace {@code traceId}. */
    synchronized List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** What was received so far, in short: for a failing test's message. */
    synchronized String summary() {
        return spans.size() + " spans from " + spans.stream().map(CollectedSpan::service).distinct().toList()
                + (failures.isEmpty() ? "" : "; unreadable exports: " + failures);
    }

    /** Every span received so far. */
    synchronized List<CollectedSpan> all() {
        return List.copyOf(spans);
    }

    private synchronized void add(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).findFirst()
                    .map(a -> a.getValue().getStringValue()).orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new CollectedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                            span.getAttributesList(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano()));
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
