package dev.rewind.sandbox.apps;

import java.util.Locale;

/**
 * A fault injected into one version of a demo application: the share of its requests answered 5xx, the extra
 * latency of its slowest requests, and whether its health check fails. Written as {@code error-rate=0.12},
 * {@code latency-ms=900}, {@code health=failing}, comma-separated, in the pod-template annotation
 * {@value #ANNOTATION} or the body of the sandbox's fault endpoint.
 */
public record Fault(double errorRate, long extraLatencyMs, boolean healthFailing) {

    /** Pod-template annotation that ships a version with a fault, as a bad release does. */
    public static final String ANNOTATION = "sandbox.rewind.dev/fault";

    /** No fault: the version behaves. */
    public static final Fault NONE = new Fault(0, 0, false);

    public Fault {
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("error-rate must be between 0 and 1, was " + errorRate);
        }
        if (extraLatencyMs < 0) {
            throw new IllegalArgumentException("latency-ms must not be negative, was " + extraLatencyMs);
        }
    }

    /** Reads {@code error-rate=0.12,latency-ms=900,health=failing} (any of them, any order; blank is no fault). */
    public static Fault parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        double errorRate = 0;
        long latency = 0;
        boolean healthFailing = false;
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected name=value, was '" + part.trim() + "'");
            }
            String value = pair[1].trim();
            switch (pair[0].trim().toLowerCase(Locale.ROOT)) {
                case "error-rate" -> errorRate = number(pair[0], value.endsWith("%")
                        ? value.substring(0, value.length() - 1) : value) / (value.endsWith("%") ? 100 : 1);
                case "latency-ms" -> latency = (long) number(pair[0], value);
                case "health" -> healthFailing = switch (value.toLowerCase(Locale.ROOT)) {
                    case "failing" -> true;
                    case "ok" -> false;
                    default -> throw new IllegalArgumentException("health must be failing or ok, was '" + value + "'");
                };
                default -> throw new IllegalArgumentException("unknown fault '" + pair[0].trim()
                        + "': expected error-rate, latency-ms or health");
            }
        }
        return new Fault(errorRate, latency, healthFailing);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name.trim() + " must be a number, was '" + value + "'");
        }
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "error-rate=%s,latency-ms=%d,health=%s", errorRate, extraLatencyMs,
                healthFailing ? "failing" : "ok");
    }
}
