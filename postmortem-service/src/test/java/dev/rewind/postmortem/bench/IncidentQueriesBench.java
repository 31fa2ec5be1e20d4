package dev.rewind.postmortem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.persistence.IncidentRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the incident list and each of its filters through the HTTP API, over 100,000 incidents in a
 * database of its own ({@link BenchDatabaseResource}), one client sending one request at a time, as a person paging
 * through incidents does. Each query's parameters change from request to request (another service, another week),
 * so no one row set stays hot. Run with {@code bench/incident-queries.sh}; it asserts nothing and writes its numbers
 * to {@code postmortem-service/target/bench/incident-queries.txt}.
 */
@QuarkusTest
@WithTestResource(BenchDatabaseResource.class)
@WithTestResource(TestTokensResource.class)
class IncidentQueriesBench {

    private static final int INCIDENTS = Integer.getInteger("rewind.bench.incidents", 100_000);
    private static final int RUNS = Integer.getInteger("rewind.bench.runs", 500);
    private static final int WARM_UP = Integer.getInteger("rewind.bench.warm-up", 200);
    private static final double GOAL_P99_MS = 20;
    private static final String[] STATUSES = {"failed", "resolved", "declined", "open", "awaiting-approval",
        "rolling-back", "expired"};
    private static final String[] SEVERITIES = {"P0", "P1", "P2", "P3"};
    private static final String[] ENVIRONMENTS = {"production", "staging", "development"};
    private static final String[] COMMON_WORDS = {"latency", "5xx rate", "health check", "baseline"};
    private static final String[] RARE_WORDS = {"oomkilled", "512mi", "memory limit", "exceeded its"};
    private static final String[] NO_SUCH_WORDS = {"segfault", "disk full", "certificate expired", "dns timeout"};

    @TestHTTPResource("/api/v1/incidents")
    URI incidents;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token = TestTokens.token("bench.reader", "viewer");

    @Test
    void listAndEachFilterAt100000Incidents() throws IOException, InterruptedException, SQLException {
        long seeding = System.nanoTime();
        IncidentSeed.seed(dataSource, INCIDENTS);
        long count = QuarkusTransaction.requiringNew().call(() -> IncidentRecord.count());
        double seededIn = (System.nanoTime() - seeding) / 1e9;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> cursors = laterPageCursors(40);

        Map<String, IntFunction<String>> queries = new LinkedHashMap<>();
        queries.put("list, first page", run -> "");
        queries.put("list, pages 2-41 (cursor)", run -> "cursor=" + cursors.get(run % cursors.size()));
        queries.put("service", run -> "service=" + service(run));
        queries.put("environment", run -> "environment=" + ENVIRONMENTS[run % ENVIRONMENTS.length]);
        queries.put("namespace", run -> "namespace=ns-" + String.format(Locale.ROOT, "%02d",
                run % IncidentSeed.NAMESPACES));
        queries.put("severity", run -> "severity=" + SEVERITIES[run % SEVERITIES.length]);
        queries.put("status (failed, resolved, declined, open, ...)",
                run -> "status=" + STATUSES[run % STATUSES.length]);
        queries.put("from/to (one week)", run -> "from=" + now.minus(7L * (run % 50 + 1), ChronoUnit.DAYS)
                + "&to=" + now.minus(7L * (run % 50), ChronoUnit.DAYS));
        queries.put("q, a common word (1/3 of reasons)", run -> "q=" + COMMON_WORDS[run % COMMON_WORDS.length]);
        queries.put("q, a rare word (1% of reasons)", run -> "q=" + RARE_WORDS[run % RARE_WORDS.length]);
        queries.put("service + environment + status + severity", run -> "service=" + service(run)
                + "&environment=production&status=resolved&severity=P1,P2");
        queries.put("service, pages 2+ (cursor)", run -> "service=" + service(run) + "&cursor="
                + cursors.get(run % cursors.size()));
        // The worst case of a filter: nothing matches, so a plan that walks the newest-first index reads every row.
        queries.put("no match: q, a word in no reason", run -> "q=" + NO_SUCH_WORDS[run % NO_SUCH_WORDS.length]
                + "&nomatch");
        queries.put("no match: a namespace with no incident", run -> "namespace=ns-" + (50 + run % 40) + "&nomatch");

        for (int run = 0; run < WARM_UP; run++) {
            for (IntFunction<String> query : queries.values()) {
                get(query.apply(run));
            }
            get("/statistics");
        }
        String loadBefore = loadAverage();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "GET /api/v1/incidents over %,d "
                + "incidents (seeded in %.1f s), 50 per page, one client, %d requests per query after %d warm-up "
                + "rounds; ms, client-side (request sent to body read)%n%n| query | p50 | p99 | max |%n"
                + "|---|---|---|---|%n", count, seededIn, RUNS, WARM_UP));
        double worstP99 = 0;
        for (Map.Entry<String, IntFunction<String>> query : queries.entrySet()) {
            List<Double> millis = measure(run -> query.getValue().apply(run));
            worstP99 = Math.max(worstP99, percentile(millis, 99));
            report.append(row(query.getKey(), millis));
        }
        report.append(row("statistics, last 30 days (not in the goal)", measure(run -> "/statistics")));
        report.append(String.format(Locale.ROOT, "%nworst p99 of the list and its filters: %.1f ms (goal: under "
                + "%.0f ms)%nthe machine's load average (1, 5, 15 min) before measuring: %s, after: %s (%d cores)%n",
                worstP99, GOAL_P99_MS, loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors()));
        Path out = Path.of("target/bench/incident-queries.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private List<Double> measure(IntFunction<String> query) throws IOException, InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String q = query.apply(run);
            long sent = System.nanoTime();
            get(q);
            millis.add((System.nanoTime() - sent) / 1e6);
        }
        return millis;
    }

    /** The cursors of pages 2 to {@code pages + 1} of the whole list. */
    private List<String> laterPageCursors(int pages) throws IOException, InterruptedException {
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < pages; page++) {
            cursor = json.readTree(get(cursor == null ? "" : "cursor=" + cursor)).path("next").asText();
            cursors.add(cursor);
        }
        return cursors;
    }

    /** {@code query} is a query string, or a sub-path starting with '/'. */
    private String get(String query) throws IOException, InterruptedException {
        boolean noMatch = query.endsWith("&nomatch");
        String sent = noMatch ? query.substring(0, query.length() - "&nomatch".length()) : query;
        URI uri = sent.startsWith("/") ? URI.create(incidents + sent) : URI.create(incidents + "?" + encode(sent));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode body = json.readTree(response.body());
        if (!sent.startsWith("/") && body.path("items").isEmpty() != noMatch && !sent.contains("cursor")) {
            throw new IllegalStateException("GET " + uri + (noMatch ? " found incidents where none was expected"
                    : " found nothing: the benchmark would measure an empty answer"));
        }
        return response.body();
    }

    /** Other work on the machine shows in the tail: say how busy it was. */
    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.exists(loadavg)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadavg).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            encoded.append(encoded.isEmpty() ? "" : "&").append(pair, 0, eq + 1)
                    .append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    private static String service(int run) {
        return String.format(Locale.ROOT, "svc-%03d", (run * 7) % IncidentSeed.SERVICES);
    }

    private static String row(String name, List<Double> millis) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, percentile(millis, 50),
                percentile(millis, 99), Collections.max(millis));
    }

    /** Nearest rank. */
    private static double percentile(List<Double> values, double percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
