package dev.rewind.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.Infrastructure;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.sandbox.KubernetesSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: an alert storm through the packaged detector, as it runs in production, against the real
 * broker and database and the Kubernetes sandbox. 10,000 alerts over 100 targets arrive as 100 Alertmanager webhook
 * batches of 100: 50 distinct groups, each sent twice (an HA pair of Alertmanagers), by 4 concurrent clients. It
 * measures accepted alerts/s (first request sent to last 202) and decided alerts/s (first request sent to the last
 * alert applied through the inbox), and checks the storm made exactly one incident and one rollback request per
 * target. The figures are the median of {@code -Drewind.bench.storms=N} storms (5) after
 * {@code -Drewind.bench.warm-ups=N} (10), in one round per count of detector instances sharing the storm
 * ({@code -Drewind.bench.detectors=1,2}: one instance, then two in one consumer group, the webhook batches spread
 * over them in turn). Run with {@code bench/alert-storm.sh}; numbers go to
 * {@code system-tests/target/bench/alert-storm.txt}. Other options: {@code -Drewind.bench.clients=N},
 * {@code -Drewind.bench.detector-settings="key=value;key=value"} (detector configuration, e.g. its lanes),
 * {@code -Drewind.bench.jvm-options="..."} (the detector's JVM options), {@code -Drewind.bench.jfr=FILE} (a flight
 * recording of each detector instance, {@code FILE-<group>-<n>.jfr}; {@code -Drewind.bench.jfr-settings=JFC} for
 * other settings than {@code profile}),
 * {@code -Drewind.root=DIR} (the detector packaged in another copy of the project, e.g. a baseline).
 */
class AlertStormBench {

    private static final int TARGETS = 100;
    private static final int GROUPS = 50;
    private static final int COPIES = 2;
    private static final int CLIENTS = Integer.getInteger("rewind.bench.clients", 4);
    // A JVM on 2 busy cores is still compiling after a few storms (the JIT's own threads took 40% of the detector's
    // CPU in the third): the figures are the median of several storms after ten warm-ups.
    private static final int WARM_UPS = Integer.getInteger("rewind.bench.warm-ups", 10);
    private static final int STORMS = Integer.getInteger("rewind.bench.storms", 5);
    /** The rounds: how many detector instances share the storms in each, one round after the other. */
    private static final List<Integer> DETECTORS = Arrays.stream(
            System.getProperty("rewind.bench.detectors", "1,2").split(",")).map(String::strip)
            .filter(count -> !count.isEmpty()).map(Integer::valueOf).toList();
    /** At most one instance per partition of rewind.alerts (6 when the services created it): others would idle. */
    private static final int MOST_DETECTORS = 6;
    private static final String TOKEN = "alert-storm-token";
    private static final String SCHEMA = "alert_storm_bench";
    private static final String FIRED = Topic.typeOf(AlertFired.class);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    // HTTP/1.1, as Alertmanager and Grafana send webhooks to a plain-HTTP receiver (Go's client speaks HTTP/2 only
    // over TLS): each client its own connection. Java's default, an h2c upgrade, multiplexes every client's request
    // over one connection, served by one event-loop thread.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> database;

    @Test
    void stormOfTenThousandAlertsOverOneHundredTargets() throws Exception {
        // -Drewind.root=DIR runs the detector packaged in another copy of the project (e.g. the baseline's).
        String configuredRoot = System.getProperty("rewind.root");
        Path root = configuredRoot == null || configuredRoot.isBlank() || configuredRoot.startsWith("${")
                ? Path.of("..").toAbsolutePath().normalize() : Path.of(configuredRoot);
        Map<String, String> kafka = Infrastructure.kafka();
        database = Infrastructure.postgres();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "alert storm: %d alerts over %d targets"
                + " (%d webhook batches of %d: %d groups x %d HA copies), %d clients, %d warm-up storm(s), %d measured"
                + "%n", TARGETS * GROUPS * COPIES, TARGETS, GROUPS * COPIES, TARGETS, GROUPS, COPIES, CLIENTS,
                WARM_UPS, STORMS));
        assertThat(DETECTORS).as("-Drewind.bench.detectors: counts of instances, each 1 to %d", MOST_DETECTORS)
                .isNotEmpty().allSatisfy(count -> assertThat(count).isBetween(1, MOST_DETECTORS));
        List<String> medians = new ArrayList<>();
        for (int detectors : DETECTORS) {
            // A sandbox per round: its API slows down as it fills (each storm adds 100 Deployments), which would
            // count against the later round.
            try (KubernetesSandbox sandbox = KubernetesSandbox.start(0)) {
                // Seeding reconciles each Deployment itself: the periodic loop, which lists every object of a
                // sandbox holding hundreds, would only take CPU from the detector on this machine.
                sandbox.controller().close();
                medians.add(round(root, sandbox, kafka, detectors, report));
            }
        }
        medians.forEach(report::append);
        Path out = Path.of("target/bench/alert-storm.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /**
     * The storms through {@code count} detector instances in one consumer group of their own, the webhook batches
     * spread over them in turn as a Kubernetes Service would; returns the line of the medians.
     */
    private String round(Path root, KubernetesSandbox sandbox, Map<String, String> kafka, int count,
                         StringBuilder report) throws Exception {
        String group = "alert-storm-" + run + "-" + count;
        List<ServiceProcess> detectors = new ArrayList<>();
        List<Result> measured = new ArrayList<>();
        String split;
        try {
            Map<String, String> environment = environment(sandbox, kafka, group);
            for (int i = 1; i <= count; i++) {
                detectors.add(ServiceProcess.start(root, "detector-service", "alert-storm-detector-" + i,
                        withRecording(environment, group + "-" + i)));
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> detectors.stream().allMatch(ServiceProcess::ready));
            split = awaitConsumersAssigned(detectors, sandbox, kafka, group);
            report.append(String.format(Locale.ROOT, "%d detector instance(s), %s%n", count, split));
            for (int i = 0; i < WARM_UPS + STORMS; i++) {
                Result result = storm(detectors, sandbox, count + "d" + i);
                if (i >= WARM_UPS) {
                    measured.add(result);
                }
                String line = String.format(Locale.ROOT, "%s accepted %,.0f alerts/s (%d ms)  decided %,.0f alerts/s"
                                + " (%d ms)  incidents %d  rollback requests %d  alert records %d  (sandbox API:"
                                + " %.1f ms per target for its Deployment and ReplicaSets)%n",
                        i < WARM_UPS ? "warm-up " : "measured", result.acceptedPerSecond(), result.acceptedMillis,
                        result.decidedPerSecond(), result.decidedMillis, result.incidents, result.requests,
                        result.records, result.readMillisPerTarget);
                System.out.print(line);
                report.append(line);
                assertThat(result.incidents).as("exactly one incident per target").isEqualTo(TARGETS);
                assertThat(result.requests).as("exactly one rollback request per target").isEqualTo(TARGETS);
                assertThat(result.records).as("every distinct alert recorded once, HA copies deduplicated")
                        .isEqualTo(TARGETS * GROUPS);
            }
        } finally {
            detectors.forEach(ServiceProcess::close);
        }
        return String.format(Locale.ROOT, "MEDIAN of %d, %d detector instance(s): accepted %,.0f alerts/s  decided"
                        + " %,.0f alerts/s%n", measured.size(), count,
                median(measured.stream().map(Result::acceptedPerSecond).toList()),
                median(measured.stream().map(Result::decidedPerSecond).toList()));
    }

    /**
     * The settings of the round's detector instances, its files written before any starts: the bench's own schema and
     * consumer group (shared by the round's instances), so that no test's detector shares its work.
     */
    private Map<String, String> environment(KubernetesSandbox sandbox, Map<String, String> kafka, String group)
            throws IOException {
        Path kubeconfig = sandbox.writeKubeconfig(Path.of("target/kubeconfig-storm.yaml").toAbsolutePath(),
                "default");
        Path settings = Path.of("target/" + group + ".properties").toAbsolutePath();
        Files.writeString(settings, String.join("\n",
                "mp.messaging.incoming.alerts.group.id=" + group,
                "mp.messaging.incoming.alerts.auto.offset.reset=latest",
                "mp.messaging.incoming.incident-events.group.id=" + group + "-incidents",
                "mp.messaging.incoming.incident-events.auto.offset.reset=latest",
                "quarkus.log.level=WARN",
                System.getProperty("rewind.bench.detector-settings", "").replace(';', '\n'), ""));
        Map<String, String> env = RewindSystem.connections(kafka, database);
        env.put("REWIND_SCHEMA", SCHEMA);
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("ALERTMANAGER_TOKEN", TOKEN);
        env.putAll(TestTokens.environment());
        env.put("QUARKUS_CONFIG_LOCATIONS",
                RewindSystem.environmentsConfig().get("QUARKUS_CONFIG_LOCATIONS") + "," + settings);
        return env;
    }

    /** {@code environment} with the JVM options asked for, a flight recording of its own for {@code instance}. */
    private static Map<String, String> withRecording(Map<String, String> environment, String instance) {
        Map<String, String> env = new HashMap<>(environment);
        String options = System.getProperty("rewind.bench.jvm-options", "");
        String recording = System.getProperty("rewind.bench.jfr");
        if (recording != null && !recording.isBlank()) {
            options += " -XX:StartFlightRecording=settings="
                    + System.getProperty("rewind.bench.jfr-settings", "profile") + ",filename="
                    + Path.of(recording.replaceFirst("(\\.jfr)?$", "-" + instance + ".jfr")).toAbsolutePath();
        }
        if (!options.isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", options.strip());
        }
        return env;
    }

    /**
     * Waits until each instance holds partitions of rewind.alerts in {@code group}, then posts a probe alert on each
     * partition (a key the producer's partitioner puts there) until each is applied: the group then reads every
     * partition from its assigned position. Returns how the partitions are split, for the report.
     */
    private String awaitConsumersAssigned(List<ServiceProcess> detectors, KubernetesSandbox sandbox,
                                          Map<String, String> kafka, String group) {
        String topic = Topics.ALERTS.name();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.get("kafka.bootstrap.servers")))) {
            int partitions = await().atMost(Duration.ofMinutes(1)).until(
                    () -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size(),
                    size -> size > 0);
            List<Integer> split = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> assignment(admin, group, topic), sizes -> sizes.size() == detectors.size()
                            && sizes.stream().mapToInt(Integer::intValue).sum() == partitions);
            Map<Integer, String> probes = new TreeMap<>();
            for (int n = 0; probes.size() < partitions; n++) {
                String service = "probe-" + group + "-" + n;
                probes.putIfAbsent(partitionOf("development/shop/" + service, partitions), service);
            }
            probes.values().forEach(service -> sandbox.deployWithHistory("shop", service, "registry.example/shop/probe",
                    List.of("v1", "v2")));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                int applied = 0;
                for (String service : probes.values()) {
                    if (count("SELECT count(*) FROM alert WHERE target = ?", "development/shop/" + service) > 0) {
                        applied++;
                    } else {
                        post(detectors.get(0), payload(List.of(alert(service, "probe-" + UUID.randomUUID(),
                                Instant.now()))));
                    }
                }
                return applied == probes.size();
            });
            return String.format(Locale.ROOT, "%s: %d partitions, held %s", topic, partitions,
                    split.stream().map(String::valueOf).collect(Collectors.joining(" + ")));
        }
    }

    /** How many partitions of {@code topic} each member of {@code group} holding some holds; empty while it rebalances. */
    private static List<Integer> assignment(Admin admin, String group, String topic) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get();
            return description.members().stream().map(member -> (int) member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic)).count()).filter(held -> held > 0)
                    .sorted().toList();
        } catch (ExecutionException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The partition Kafka's producer puts a record with {@code key} on (its murmur2 partitioner). */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Result storm(List<ServiceProcess> detectors, KubernetesSandbox sandbox, String name) throws Exception {
        List<String> services = new ArrayList<>();
        for (int t = 0; t < TARGETS; t++) {
            services.add("storm-" + run + "-" + name + "-" + t);
            sandbox.deployWithHistory("shop", services.get(t), "registry.example/shop/storm",
                    List.of("v1.2.5", "v1.3.0"));
        }
        long readStart = System.nanoTime();
        for (String service : services) {
            // What deciding on a new target reads from the Kubernetes API: its Deployment and ReplicaSets.
            DeploymentRevisions.replicaSetsOf(sandbox.client(),
                    sandbox.client().apps().deployments().inNamespace("shop").withName(service).get());
        }
        double readMillisPerTarget = (System.nanoTime() - readStart) / 1_000_000.0 / services.size();
        Instant startsAt = Instant.now().minusSeconds(60);
        List<String> bodies = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            List<String> alerts = new ArrayList<>();
            for (int t = 0; t < TARGETS; t++) {
                alerts.add(alert(services.get(t), "fp-" + g + "-" + t, startsAt.plusMillis(g)));
            }
            for (int copy = 0; copy < COPIES; copy++) {
                bodies.add(payload(alerts));
            }
        }
        // HA copies arrive in no particular order, not back to back.
        Collections.shuffle(bodies, new Random(42));
        String prefix = "development/shop/storm-" + run + "-" + name + "-";
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Instant started = Instant.now();
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int b = 0; b < bodies.size(); b++) {
            ServiceProcess detector = detectors.get(b % detectors.size());
            String body = bodies.get(b);
            sent.add(clients.submit(() -> post(detector, body)));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        long acceptedMillis = (System.nanoTime() - start) / 1_000_000;
        clients.shutdown();
        int alerts = bodies.size() * TARGETS;
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE event_type = ? AND processed_at >= ?", FIRED,
                Timestamp.from(started)) >= alerts);
        Instant lastDecided = lastProcessed(started);
        String end = prefix.substring(0, prefix.length() - 1) + ".";
        return new Result(alerts, readMillisPerTarget, acceptedMillis,
                Duration.between(started, lastDecided).toMillis(),
                count("SELECT count(*) FROM incident WHERE target >= ? AND target < ?", prefix, end),
                count("SELECT count(*) FROM outbox_event WHERE topic = ? AND record_key >= ? AND record_key < ?",
                        Topics.ROLLBACK_REQUESTS.name(), prefix, end),
                count("SELECT count(*) FROM alert WHERE target >= ? AND target < ?", prefix, end));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private void post(ServiceProcess detector, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(detector.url() + "/api/v1/alerts/alertmanager"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String alert(String service, String fingerprint, Instant startsAt) {
        return """
                {"status":"firing","labels":{"alertname":"HighErrorRate","environment":"development",\
                "namespace":"shop","service":"%s","severity":"page","version":"v1.3.0"},\
                "annotations":{"summary":"High error rate (12%% 5xx errors)","value":"0.12"},\
                "startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",\
                "generatorURL":"http://prometheus.monitoring:9090/graph?g0.expr=job%%3Arequest_errors%%3Aratio5m",\
                "fingerprint":"%s"}""".formatted(service, startsAt, fingerprint);
    }

    private static String payload(List<String> alerts) {
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,\
                "status":"firing","receiver":"rewind","groupLabels":{"alertname":"HighErrorRate"},\
                "commonLabels":{"alertname":"HighErrorRate"},"commonAnnotations":{},\
                "externalURL":"http://alertmanager.monitoring:9093","alerts":[%s]}"""
                .formatted(String.join(",", alerts));
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private Instant lastProcessed(Instant since) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT max(processed_at) FROM processed_event WHERE event_type = ? AND processed_at >= ?")) {
            statement.setString(1, FIRED);
            statement.setTimestamp(2, Timestamp.from(since));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getTimestamp(1).toInstant();
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.getOrDefault("quarkus.datasource.username", "rewind"),
                database.getOrDefault("quarkus.datasource.password", ""));
        connection.setSchema(SCHEMA);
        return connection;
    }

    /** One storm's figures. */
    private record Result(int alerts, double readMillisPerTarget, long acceptedMillis, long decidedMillis,
                          long incidents, long requests, long records) {

        double acceptedPerSecond() {
            return alerts * 1000.0 / Math.max(1, acceptedMillis);
        }

        double decidedPerSecond() {
            return alerts * 1000.0 / Math.max(1, decidedMillis);
        }
    }
}
