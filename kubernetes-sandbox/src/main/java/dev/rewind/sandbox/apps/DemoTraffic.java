package dev.rewind.sandbox.apps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests one demo application has served, by version and outcome: each advance spreads a steady request rate
 * over the versions whose pods are ready, in proportion to their ready replicas, and answers a version's fault's share
 * of its requests with 5xx. Deterministic (fractions carry over), so a 12% fault shows as 12%.
 */
public final class DemoTraffic {

    /** Latency of the slowest requests of a healthy version, in seconds. */
    public static final double BASELINE_P99_SECONDS = 0.120;

    /** One version with ready pods, and the fault it carries. */
    public record Running(String version, int readyReplicas, Fault fault) {
    }

    /** The requests a version served so far. */
    public record Served(long requests, long errors) {
    }

    private final double requestsPerSecond;
    private final Map<String, Counter> byVersion = new LinkedHashMap<>();
    private List<Running> running = List.of();

    public DemoTraffic(double requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    /** Serves {@code elapsed} worth of requests with the versions now {@code running}. */
    public synchronized void advance(Duration elapsed, List<Running> running) {
        this.running = List.copyOf(running);
        int ready = running.stream().mapToInt(Running::readyReplicas).sum();
        if (ready == 0) {
            return;
        }
        double seconds = elapsed.toNanos() / 1e9;
        for (Running version : running) {
            byVersion.computeIfAbsent(version.version(), v -> new Counter())
                    .serve(requestsPerSecond * seconds * version.readyReplicas() / ready, version.fault().errorRate());
        }
    }

    /** What each version served so far, in the order they first served. */
    public synchronized Map<String, Served> served() {
        Map<String, Served> served = new LinkedHashMap<>();
        byVersion.forEach((version, counter) -> served.put(version, new Served(counter.requests, counter.errors)));
        return served;
    }

    /** All requests so far, every version. */
    public synchronized Served total() {
        long requests = 0;
        long errors = 0;
        for (Counter counter : byVersion.values()) {
            requests += counter.requests;
            errors += counter.errors;
        }
        return new Served(requests, errors);
    }

    /** The latency of the slowest requests now: the slowest running version's. */
    public synchronized double p99Seconds() {
        return running.stream().filter(version -> version.readyReplicas() > 0)
                .mapToDouble(version -> BASELINE_P99_SECONDS + version.fault().extraLatencyMs() / 1000.0)
                .max().orElse(BASELINE_P99_SECONDS);
    }

    /** The pods ready now, every version. */
    public synchronized int readyReplicas() {
        return running.stream().mapToInt(Running::readyReplicas).sum();
    }

    /**
     * Whether the health check passes now: fails once at least half the ready pods run a failing version, and when
     * no pod is ready (nothing answers it).
     */
    public synchronized boolean healthy() {
        int ready = readyReplicas();
        int failing = running.stream().filter(version -> version.fault().healthFailing())
                .mapToInt(Running::readyReplicas).sum();
        return ready > 0 && failing * 2 < ready;
    }

    /** The versions with ready pods as of the last advance. */
    public synchronized List<Running> running() {
        return running;
    }

    private static final class Counter {
        private long requests;
        private long errors;
        private double requestCarry;
        private double errorCarry;

        void serve(double requestShare, double errorRate) {
            // The small allowance keeps sums of decimal fractions (20 x 0.12) from falling short of a whole.
            requestCarry += requestShare;
            long whole = (long) (requestCarry + 1e-9);
            requestCarry -= whole;
            requests += whole;
            errorCarry += whole * errorRate;
            long failed = (long) (errorCarry + 1e-9);
            errorCarry -= failed;
            errors += failed;
        }
    }
}
