package dev.rewind.platform.tracing;

/** The W3C Trace Context header names Rewind's Kafka records carry. */
public final class TraceHeaders {

    /** Version, trace id, parent span id and flags of the span that sent the record. */
    public static final String TRACEPARENT = "traceparent";

    private TraceHeaders() {
    }
}
