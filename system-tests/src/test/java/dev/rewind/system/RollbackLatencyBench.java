package dev.rewind.system;

import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.PublishedEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: how long from the Alertmanager webhook's 202 to the rollback patch reaching the Kubernetes
 * API, across the five packaged services, one alert at a time, each on a new target. Also the first alerts after the
 * start (the warm-up, listed alone: the first record on each partition used to wait a second at every hop), where the
 * time goes (from the outbox and inbox rows the services wrote), and the ratio to the broker's floor when
 * {@link HopFloorBench} ran first. Run with {@code bench/rollback-latency.sh}; it asserts nothing and writes its
 * numbers to {@code system-tests/target/bench/rollback-latency.txt}. Then the same again on services that trace every
 * alert, for the per-hop breakdown from the spans. Options: {@code -Drewind.bench.runs=N} (200),
 * {@code -Drewind.bench.warm-up=N} (100), {@code -Drewind.bench.traced-runs=N} (200; 0 skips the traced pass),
 * {@code -Drewind.bench.service-env=NAME=value,...} (settings every service starts with, to compare).
 */
class RollbackLatencyBench {

    /**
     * Alerts before the measured ones: the services' JIT compilers compile the path while they run (on 2 cores the
     * first 30 alerts took 300-700 ms, later ones about 100), and a service runs for days after its start.
     */
    private static final int WARM_UP = Math.max(1, Integer.getInteger("rewind.bench.warm-up", 100));
    private static final int FIRST_SHOWN = 5;
    private static final int RUNS = Integer.getInteger("rewind.bench.runs", 200);
    /** Alerts of the traced pass, measured after the same warm-up: 0 skips it. */
    private static final int TRACED_RUNS = Integer.getInteger("rewind.bench.traced-runs", 200);
    private static final Duration EXPORTED = Duration.ofSeconds(30);
    private static final Duration IDLE = Duration.ofSeconds(20);
    private static final Pattern FLOOR = Pattern.compile("p50 ([0-9.]+) .*p99 ([0-9.]+)");

    /** The stages of one alert, each from the end of the one before (ms); the names say where it ends. */
    private static final List<String> STAGES = List.of(
            "detector consumed the alert, decided (request in its outbox)",
            "request relayed and consumed (approval's inbox claim)",
            "approval decided (command in its outbox)",
            "command relayed and consumed (executor's inbox claim)",
            "executor planned and patched");

    @Test
    void webhookAcceptedToPatch() throws IOException, SQLException {
        List<Double> warmUp = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        Map<String, List<Double>> stages = new LinkedHashMap<>();
        STAGES.forEach(stage -> stages.put(stage, new ArrayList<>()));
        Map<String, String> extra = serviceEnvironment();
        String idleCpu;
        try (RewindSystem rewind = RewindSystem.start(extra); Connection database = rewind.database()) {
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                Run run = once(rewind);
                if (i < WARM_UP) {
                    warmUp.add(run.total());
                    continue;
                }
                millis.add(run.total());
                List<Double> breakdown = breakdown(database, run);
                for (int s = 0; s < STAGES.size() && breakdown != null; s++) {
                    stages.get(STAGES.get(s)).add(breakdown.get(s));
                }
            }
            idleCpu = idleCpu(rewind);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                rollback latency, webhook 202 -> patch received by the Kubernetes API (ms), %d sequential alerts on \
                distinct targets after %d warm-up%s
                p50 %.1f  p90 %.1f  p99 %.1f  worst %.1f  best %.1f  mean %.1f
                warm-up: the first %d alerts after the start %s, all %d: p50 %.1f  p90 %.1f
                """, RUNS, WARM_UP, extra.isEmpty() ? "" : ", services started with " + extra,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1),
                sorted.get(0), millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                Math.min(FIRST_SHOWN, warmUp.size()), warmUp.stream().limit(FIRST_SHOWN).map(RollbackLatencyBench::format)
                        .toList(), warmUp.size(), percentile(warmUp.stream().sorted().toList(), 50),
                percentile(warmUp.stream().sorted().toList(), 90)));
        report.append("where the time goes (p50 / p99 of each stage, ms):\n");
        stages.forEach((stage, values) -> {
            List<Double> stageSorted = values.stream().sorted().toList();
            if (!stageSorted.isEmpty()) {
                report.append(String.format(Locale.ROOT, "  %-66s %7.1f / %7.1f%n", stage,
                        percentile(stageSorted, 50), percentile(stageSorted, 99)));
            }
        });
        report.append("idle CPU after the runs, per service (ms of CPU per s, over ").append(IDLE.toSeconds())
                .append(" s): ").append(idleCpu).append('\n');
        Path floorFile = Path.of("target/bench/hop-floor.txt");
        if (Files.exists(floorFile)) {
            Matcher floor = FLOOR.matcher(Files.readString(floorFile));
            if (floor.find()) {
                double floorP50 = Double.parseDouble(floor.group(1));
                double floorP99 = Double.parseDouble(floor.group(2));
                report.append(String.format(Locale.ROOT, """
                        broker floor (hop-floor.txt): p50 %.2f  p99 %.2f
                        ratio Rewind / floor: p50 %.1fx  p99 %.1fx (goal: within 10x)
                        """, floorP50, floorP99, percentile(sorted, 50) / floorP50,
                        percentile(sorted, 99) / floorP99));
            }
        }
        if (TRACED_RUNS > 0) {
            report.append(tracedPass(extra));
        }
        report.append("runs: ").append(millis.stream().map(RollbackLatencyBench::format).toList()).append('\n');
        Path out = Path.of("target/bench/rollback-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /**
     * The same alerts again, on services started anew that trace every alert and export the spans to a collector:
     * what tracing costs, and the per-hop breakdown from the spans ({@link TraceBreakdown}).
     */
    private static String tracedPass(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(extra);
        List<TargetKey> targets = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        Map<String, Map<String, Double>> breakdowns = new HashMap<>();
        try (OtlpCollector collector = OtlpCollector.start()) {
            env.put("REWIND_TRACE_SAMPLING", "1");
            env.put("REWIND_OTLP_ENDPOINT", collector.url());
            try (RewindSystem rewind = RewindSystem.start(env)) {
                for (int i = 0; i < WARM_UP + TRACED_RUNS; i++) {
                    Run run = once(rewind);
                    if (i >= WARM_UP) {
                        targets.add(run.target());
                        totals.add(run.total());
                    }
                }
                // The services export every 5 s: the last alerts' spans come a little after their patches.
                try {
                    await().atMost(EXPORTED).pollInterval(Duration.ofMillis(500)).until(() -> {
                        breakdowns.putAll(breakdowns(collector, targets));
                        return breakdowns.size() == targets.size();
                    });
                } catch (ConditionTimeoutException incomplete) {
                    // Reported below: the breakdown counts the traces that were complete.
                }
            }
        }
        List<Double> sorted = totals.stream().sorted().toList();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                traced pass (services started anew with REWIND_TRACE_SAMPLING=1, every span exported over OTLP): \
                %d alerts after %d warm-up, 202 -> patch p50 %.1f  p90 %.1f  p99 %.1f
                per-hop breakdown from the spans (p50 / p99 ms, %d of %d traces complete):
                """, TRACED_RUNS, WARM_UP, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                breakdowns.size(), targets.size()));
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        breakdowns.values().forEach(trace -> trace.forEach(
                (hop, value) -> hops.computeIfAbsent(hop, name -> new ArrayList<>()).add(value)));
        hops.forEach((hop, values) -> {
            List<Double> hopSorted = values.stream().sorted().toList();
            report.append(String.format(Locale.ROOT, "  %-66s %7.1f / %7.1f%n", hop, percentile(hopSorted, 50),
                    percentile(hopSorted, 99)));
        });
        return report.toString();
    }

    /** The breakdown of each of {@code targets}' alert whose trace is complete, by target. */
    private static Map<String, Map<String, Double>> breakdowns(OtlpCollector collector, List<TargetKey> targets) {
        List<OtlpCollector.CollectedSpan> spans = collector.all();
        Map<String, List<OtlpCollector.CollectedSpan>> byTrace = spans.stream()
                .collect(Collectors.groupingBy(OtlpCollector.CollectedSpan::traceId));
        Map<String, String> traceOfTarget = new HashMap<>();
        spans.stream().filter(span -> span.name().equals("rewind.alerts publish"))
                .forEach(span -> traceOfTarget.putIfAbsent(span.attribute("messaging.kafka.message.key"),
                        span.traceId()));
        Map<String, Map<String, Double>> found = new HashMap<>();
        for (TargetKey target : targets) {
            String traceId = traceOfTarget.get(target.toString());
            if (traceId != null) {
                TraceBreakdown.of(byTrace.get(traceId)).ifPresent(hops -> found.put(target.toString(), hops));
            }
        }
        return found;
    }

    /** One alert: its target, when the webhook answered 202 (wall clock, to compare with the services' rows). */
    private record Run(TargetKey target, Instant accepted, double total) {
    }

    private static Run once(RewindSystem rewind) {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);
        rewind.postAlert(target).then().statusCode(202);
        long accepted = System.nanoTime();
        Instant acceptedAt = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(2))
                .until(() -> !rewind.sandbox.deploymentPatches(target.namespace(), target.service()).isEmpty());
        long patched = rewind.sandbox.deploymentPatches(target.namespace(), target.service()).get(0).receivedNanos();
        return new Run(target, acceptedAt, (patched - accepted) / 1_000_000.0);
    }

    /**
     * The run's stages from the services' own rows: when the detector wrote the request to its outbox, when approval
     * claimed it in its inbox, when approval wrote the command, when the executor claimed it, and the patch (the
     * end of the run). Null when a row is missing.
     */
    private static List<Double> breakdown(Connection database, Run run) throws SQLException {
        String key = run.target().toString();
        Map<String, Object> request = outboxRow(database, "detector", "rewind.rollback-requests", key);
        Map<String, Object> command = outboxRow(database, "approval", "rewind.rollback-commands", key);
        if (request == null || command == null) {
            return null;
        }
        Instant requested = (Instant) request.get("created");
        Instant approvalClaimed = claimedAt(database, "approval", request.get("id"));
        Instant commanded = (Instant) command.get("created");
        Instant executorClaimed = claimedAt(database, "executor", command.get("id"));
        if (approvalClaimed == null || executorClaimed == null) {
            return null;
        }
        double patched = run.total();
        double executorAt = millisBetween(run.accepted(), executorClaimed);
        return List.of(millisBetween(run.accepted(), requested),
                millisBetween(requested, approvalClaimed),
                millisBetween(approvalClaimed, commanded),
                millisBetween(commanded, executorClaimed),
                patched - executorAt);
    }

    private static Map<String, Object> outboxRow(Connection database, String schema, String topic, String key)
            throws SQLException {
        try (PreparedStatement query = database.prepareStatement("SELECT event_id, created_at FROM " + schema
                + ".outbox_event WHERE topic = ? AND record_key = ? ORDER BY position LIMIT 1")) {
            query.setString(1, topic);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Map<String, Object> values = new HashMap<>();
                values.put("id", row.getObject(1));
                values.put("created", row.getTimestamp(2).toInstant());
                return values;
            }
        }
    }

    private static Instant claimedAt(Connection database, String schema, Object eventId) throws SQLException {
        try (PreparedStatement query = database.prepareStatement("SELECT processed_at FROM " + schema
                + ".processed_event WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                Timestamp at = row.getTimestamp(1);
                return at.toInstant();
            }
        }
    }

    private static double millisBetween(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1_000_000.0;
    }

    /** What the idle services cost: CPU time (user + system) each used over {@link #IDLE} with no alert coming. */
    private static String idleCpu(RewindSystem rewind) {
        Map<String, Long> before = new LinkedHashMap<>();
        rewind.processes().forEach(process -> before.put(process.instance(), cpuTicks(process.pid())));
        try {
            Thread.sleep(IDLE.toMillis()); // the measured idle period itself, not a wait for something
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rewind.processes().stream().map(process -> String.format(Locale.ROOT, "%s %.1f",
                process.instance(), (cpuTicks(process.pid()) - before.get(process.instance())) * 10.0
                        / IDLE.toSeconds())).collect(Collectors.joining(", "));
    }

    /** User plus system CPU time of process {@code pid} in clock ticks (1/100 s), from /proc; -1 elsewhere. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Settings every service starts with, from {@code -Drewind.bench.service-env=NAME=value,NAME=value}. */
    private static Map<String, String> serviceEnvironment() {
        return java.util.Arrays.stream(System.getProperty("rewind.bench.service-env", "").split(","))
                .filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(pair -> pair.substring(0, pair.indexOf('=')).strip(),
                        pair -> pair.substring(pair.indexOf('=') + 1).strip(), (a, b) -> b, LinkedHashMap::new));
    }

    private static String format(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private static double percentile(List<Double> sorted, int percent) {
        return HopFloorBench.percentile(sorted, percent);
    }
}
