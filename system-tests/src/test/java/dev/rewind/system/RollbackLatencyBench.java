package dev.rewind.system;

import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.PublishedEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: how long from the Alertmanager webhook's 202 to the rollback patch reaching the Kubernetes
 * API, across the five packaged services. Run with {@code bench/rollback-latency.sh}; it asserts nothing and writes
 * its numbers to {@code system-tests/target/bench/rollback-latency.txt}.
 */
class RollbackLatencyBench {

    private static final int WARM_UP = 3;
    private static final int RUNS = Integer.getInteger("rewind.bench.runs", 20);

    @Test
    void webhookAcceptedToPatch() throws IOException {
        List<Double> millis = new ArrayList<>();
        try (RewindSystem rewind = RewindSystem.start()) {
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                double latency = once(rewind);
                if (i >= WARM_UP) {
                    millis.add(latency);
                }
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        String report = String.format(Locale.ROOT, """
                rollback latency, webhook 202 -> patch received by the Kubernetes API (ms), %d runs after %d warm-up
                median %.1f  p90 %.1f  worst %.1f  best %.1f  mean %.1f
                runs: %s
                """, RUNS, WARM_UP, percentile(sorted, 50), percentile(sorted, 90), sorted.get(sorted.size() - 1),
                sorted.get(0), millis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.1f", m)).toList());
        Path out = Path.of("target/bench/rollback-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static double once(RewindSystem rewind) {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);
        rewind.postAlert(target).then().statusCode(202);
        long accepted = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> !rewind.sandbox.deploymentPatches(target.namespace(), target.service()).isEmpty());
        long patched = rewind.sandbox.deploymentPatches(target.namespace(), target.service()).get(0).receivedNanos();
        return (patched - accepted) / 1_000_000.0;
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
