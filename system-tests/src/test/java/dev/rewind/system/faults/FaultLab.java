package dev.rewind.system.faults;

import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.sandbox.KubernetesSandbox;
import dev.rewind.system.DevConsole;
import dev.rewind.system.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The fault suite's laboratory: all of Rewind as it runs in production (the five packaged services as processes,
 * started the way {@code dev/stack.sh} starts them, each with a stable instance name) against a Kafka broker and a
 * PostgreSQL of the suite's own (started by the {@code dev/} scripts on free ports, so that they can be restarted
 * without disturbing the tests' or the dev stack's), the Kubernetes sandbox and a Slack stand-in. One per test JVM,
 * shared by the suite's scenarios, each of which leaves it with one ready instance of every service; stopped when
 * the JVM exits.
 */
public final class FaultLab {

    static final String WEBHOOK_TOKEN = "fault-suite-token";
    static final String SLACK_SIGNING_SECRET = "fault-suite-slack-signing-secret";
    static final List<String> SERVICES = List.of("detector-service", "approval-service", "executor-service",
            "notifier-service", "postmortem-service");
    static final Duration START_PATIENCE = Duration.ofMinutes(3);
    private static final int MAX_EXITS = 5;

    private static FaultLab shared;

    private final Path root;
    private final Path state;
    private final int kafkaPort;
    private final int postgresPort;
    private final DevServer broker;
    private final DevServer postgres;
    private final KubernetesSandbox sandbox;
    private final RecordingHttpServer slack;
    private final TestKafka kafka;
    private final Map<String, String> environment = new HashMap<>();
    /** The running instances by instance name; the first of each service is named {@code <service>-1}. */
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final List<String> revivals = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FaultLab(Path root, Path state) {
        this.root = root;
        this.state = state;
        this.kafkaPort = ServiceProcess.freePort();
        this.postgresPort = ServiceProcess.freePort();
        this.broker = new DevServer(root, "kafka.sh", state, Map.of("KAFKA_PORT", String.valueOf(kafkaPort),
                "KAFKA_CONTROLLER_PORT", String.valueOf(ServiceProcess.freePort())));
        this.postgres = new DevServer(root, "postgres.sh", state, Map.of("POSTGRES_PORT", String.valueOf(postgresPort)));
        broker.start();
        postgres.start();
        this.sandbox = KubernetesSandbox.start(0);
        this.slack = RecordingHttpServer.start();
        this.kafka = new TestKafka(bootstrapServers());
    }

    /** The laboratory of this JVM, started on first use with one ready instance of every service. */
    public static synchronized FaultLab shared() {
        if (shared == null) {
            FaultLab lab = new FaultLab(projectRoot(), stateDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "fault-lab-stop"));
            lab.startServices();
            shared = lab;
        }
        return shared;
    }

    private void startServices() {
        Path kubeconfig = sandbox.writeKubeconfig(root.resolve("system-tests/target/fault-suite/kubeconfig.yaml"),
                "default");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        environment.put("POSTGRES_URL", jdbcUrl());
        environment.put("POSTGRES_USER", "rewind");
        environment.put("POSTGRES_PASSWORD", "rewind");
        environment.put("KUBECONFIG", kubeconfig.toString());
        environment.put("SLACK_WEBHOOK_URL", slack.url() + "/services/T000/B000/XXXX");
        environment.put("ALERTMANAGER_TOKEN", WEBHOOK_TOKEN);
        // Every source's webhook and Slack's interactivity URL accept the lab's credentials, so that hostile input
        // reaches their parsers (HostileInputIT).
        environment.put("REWIND_GRAFANA_TOKEN", WEBHOOK_TOKEN);
        environment.put("REWIND_DATADOG_TOKEN", WEBHOOK_TOKEN);
        environment.put("REWIND_NEWRELIC_TOKEN", WEBHOOK_TOKEN);
        environment.put("REWIND_SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET);
        environment.put("QUARKUS_CONFIG_LOCATIONS",
                root.resolve("system-tests/src/test/resources/environments.properties").toString());
        environment.putAll(TestTokens.environment());
        environment.putAll(DevConsole.environment());
        environment.putAll(extraEnvironment());
        List<ServiceProcess> started = new ArrayList<>();
        for (String service : SERVICES) {
            started.add(startInstance(service, 1));
        }
        awaitReady(started);
    }

    /**
     * Settings to run every instance with, from {@code -Drewind.faults.service-env=NAME=value,NAME=value}: e.g.
     * Kafka's former session timeout, to measure recovery as it was.
     */
    private static Map<String, String> extraEnvironment() {
        Map<String, String> extra = new HashMap<>();
        String given = System.getProperty("rewind.faults.service-env", "");
        for (String pair : given.split(",")) {
            if (pair.contains("=")) {
                extra.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
            }
        }
        return extra;
    }

    /** Starts instance number {@code n} of {@code service} (named {@code <service>-<n>}) on a free port; no wait. */
    public synchronized ServiceProcess startInstance(String service, int n) {
        String name = instanceName(service, n);
        if (instances.containsKey(name)) {
            throw new IllegalStateException(name + " already runs");
        }
        Map<String, String> env = new HashMap<>(environment);
        if (!anonymous()) {
            env.put("REWIND_INSTANCE_ID", name);
        }
        ServiceProcess process = ServiceProcess.start(root, service, name, ServiceProcess.freePort(), env);
        instances.put(name, process);
        return process;
    }

    /**
     * True when the instances run without a name ({@code -Drewind.faults.anonymous=true}): dynamic Kafka group members
     * and random lease owners, to compare recovery times with and without static membership.
     */
    public boolean anonymous() {
        return Boolean.getBoolean("rewind.faults.anonymous");
    }

    /** The name of instance {@code n} of {@code service}, e.g. {@code executor-service-1}. */
    public static String instanceName(String service, int n) {
        return service + "-" + n;
    }

    /** The first instance of {@code service}, as it runs now. */
    public synchronized ServiceProcess instance(String service) {
        return instanceNamed(instanceName(service, 1));
    }

    public synchronized ServiceProcess instanceNamed(String name) {
        ServiceProcess process = instances.get(name);
        if (process == null) {
            throw new IllegalStateException("no instance " + name);
        }
        return process;
    }

    /** The running instances' names. */
    public synchronized List<String> instanceNames() {
        return List.copyOf(instances.keySet());
    }

    /** The base URL of the first instance of {@code service}. */
    public String url(String service) {
        return instance(service).url();
    }

    /** Kills instance {@code name} with SIGKILL and waits for it to be gone. */
    public void kill(String name) {
        instanceNamed(name).kill();
    }

    /** Stops instance {@code name} with SIGTERM (a graceful stop) and waits for it to exit. */
    public void terminate(String name) {
        instanceNamed(name).terminate();
    }

    /** Starts instance {@code name} again after it exited, on its port and with its settings; does not wait. */
    public synchronized ServiceProcess startAgain(String name) {
        ServiceProcess again = instanceNamed(name).startAgain();
        instances.put(name, again);
        return again;
    }

    /** Stops an extra instance gracefully and forgets it. */
    public synchronized void remove(String name) {
        instanceNamed(name).close();
        instances.remove(name);
    }

    /** Waits until every given instance answers its readiness check. */
    public static void awaitReady(List<ServiceProcess> processes) {
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> processes.stream().allMatch(ServiceProcess::ready));
    }

    /**
     * Waits until every instance answers its readiness check, starting again, as a kubelet restarts a container that
     * exited, each one that exited by itself (a service exits when it cannot start, e.g. its migrations' connection
     * was cut by a database restart); fails when one exits more than {@value #MAX_EXITS} times.
     */
    public void awaitAllReady() {
        Map<String, Integer> exits = new HashMap<>();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (String name : reviveExited()) {
                if (exits.merge(name, 1, Integer::sum) > MAX_EXITS) {
                    throw new IllegalStateException(name + " exited " + MAX_EXITS + " times in a row while starting; see "
                            + instanceNamed(name).log());
                }
            }
            return instanceNames().stream().allMatch(name -> readyNow(instanceNamed(name)));
        });
    }

    /**
     * Starts again every instance that exited by itself (the suite's own kills and stops are always followed by a start
     * again), as a kubelet restarts an exited container; returns their names.
     */
    public synchronized List<String> reviveExited() {
        List<String> revived = new ArrayList<>();
        for (String name : List.copyOf(instances.keySet())) {
            if (!instances.get(name).alive()) {
                startAgain(name);
                revived.add(name);
                revivals.add(name);
            }
        }
        return revived;
    }

    /** The instances started again by {@link #reviveExited} since the laboratory started, in order. */
    public synchronized List<String> revivals() {
        return List.copyOf(revivals);
    }

    private static boolean readyNow(ServiceProcess process) {
        try {
            return process.ready();
        } catch (IllegalStateException exited) {
            return false; // exited meanwhile: revived on the next round
        }
    }

    /** Restarts the broker: a controlled shutdown (SIGTERM) and a start with its data. */
    public void restartBroker() {
        broker.restart();
    }

    /** Restarts PostgreSQL: a fast shutdown (connections cut) and a start with its data. */
    public void restartDatabase() {
        postgres.restart();
    }

    /**
     * A new Deployment in the development environment (auto-approved), named {@code <prefix>-<random>}, at revision 2
     * (v1.3.0) with revision 1 (v1.2.5) in its history.
     */
    public TargetKey deploy(String prefix) {
        TargetKey target = new TargetKey("development", "shop", prefix + "-" + UUID.randomUUID().toString()
                .substring(0, 8));
        sandbox.deployWithHistory(target.namespace(), target.service(), "registry.example/shop/checkout",
                List.of("v1.2.5", "v1.3.0"));
        return target;
    }

    /** Alertmanager's firing fixture about {@code target}, as Alertmanager would post it. */
    public static String alertBody(TargetKey target) {
        return EventFixtures.alertmanagerFiring(target);
    }

    /**
     * Posts {@code body} to the detector's Alertmanager webhook once; the HTTP status, or 0 when no answer came (the
     * detector is down or did not answer within 5 s).
     */
    public int postAlert(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("detector-service")
                        + "/api/v1/alerts/alertmanager"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * Posts the alert about {@code target} until the detector accepts it (202), as Alertmanager retries a webhook
     * that failed; returns the number of attempts.
     */
    public int postAlertUntilAccepted(TargetKey target) {
        String body = alertBody(target);
        int[] attempts = {0};
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO)
                .until(() -> {
                    attempts[0]++;
                    return postAlert(body) == 202;
                });
        return attempts[0];
    }

    public KubernetesSandbox sandbox() {
        return sandbox;
    }

    /** The Slack stand-in: every message the notifier delivered. */
    public RecordingHttpServer slack() {
        return slack;
    }

    /** A client of the suite's broker. */
    public TestKafka kafka() {
        return kafka;
    }

    /** An admin client of the suite's broker; close it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/rewind";
    }

    /** A connection to the suite's database, where the services keep their records; close it. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "rewind", "rewind");
    }

    /** The environment every instance starts with (its REWIND_INSTANCE_ID aside). */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public Path root() {
        return root;
    }

    private void close() {
        List<ServiceProcess> running;
        synchronized (this) {
            running = List.copyOf(instances.values());
        }
        running.forEach(ServiceProcess::close);
        slack.close();
        sandbox.close();
        kafka.close();
        postgres.stop();
        broker.stop();
        deleteQuietly(state);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover under /tmp is harmless; the next run uses a fresh directory.
        }
    }

    /**
     * A fresh state directory under /tmp (PostgreSQL runs as its own user and must reach it), with the broker's
     * classpath copied from the tests' or the dev stack's state when already resolved there.
     */
    private static Path stateDirectory() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "rewind-faults-");
            dir.toFile().setExecutable(true, false);
            String known = System.getenv().getOrDefault("REWIND_STATE_DIR", "/tmp/rewind");
            for (Path candidate : List.of(Path.of(known, "kafka-classpath.txt"), Path.of("/tmp/rewind/kafka-classpath.txt"))) {
                if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                    Files.copy(candidate, dir.resolve("kafka-classpath.txt"), StandardCopyOption.REPLACE_EXISTING);
                    break;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        String root = System.getProperty("rewind.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
