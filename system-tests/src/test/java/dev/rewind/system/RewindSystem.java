package dev.rewind.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.restassured.response.Response;
import dev.rewind.platform.testing.Infrastructure;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.sandbox.KubernetesSandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All of Rewind, as it runs in production: the five packaged services as separate processes, against the real
 * Kafka broker and PostgreSQL, the Kubernetes sandbox (API server and simulated Deployment controller) and a local
 * HTTP server standing in for Slack.
 */
final class RewindSystem implements AutoCloseable {

    static final String WEBHOOK_TOKEN = "system-test-token";
    private static final List<String> SERVICES = List.of("detector-service", "approval-service", "executor-service",
            "notifier-service", "postmortem-service");

    final KubernetesSandbox sandbox;
    final RecordingHttpServer slack;
    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final Map<String, String> database;

    private RewindSystem(KubernetesSandbox sandbox, RecordingHttpServer slack, Map<String, String> database) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.database = database;
    }

    /** The environment that points a packaged service at the test infrastructure's broker and database. */
    static Map<String, String> connections(Map<String, String> kafka, Map<String, String> database) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.get("kafka.bootstrap.servers"));
        env.put("POSTGRES_URL", database.get("quarkus.datasource.jdbc.url"));
        if (database.containsKey("quarkus.datasource.username")) {
            env.put("POSTGRES_USER", database.get("quarkus.datasource.username"));
            env.put("POSTGRES_PASSWORD", database.get("quarkus.datasource.password"));
        }
        return env;
    }

    static RewindSystem start() {
        return start(Map.of());
    }

    /** Starts Rewind with {@code extraEnvironment} added to every service's environment (settings to compare). */
    static RewindSystem start(Map<String, String> extraEnvironment) {
        Path root = projectRoot();
        Map<String, String> kafka = Infrastructure.kafka();
        Map<String, String> database = Infrastructure.postgres();
        KubernetesSandbox sandbox = KubernetesSandbox.start(0);
        RecordingHttpServer slack = RecordingHttpServer.start();
        RewindSystem system = new RewindSystem(sandbox, slack, database);
        Path kubeconfig = sandbox.writeKubeconfig(root.resolve("system-tests/target/kubeconfig-sandbox.yaml"), "default");

        Map<String, String> env = connections(kafka, database);
        env.put("KUBECONFIG", kubeconfig.toString());
        env.put("SLACK_WEBHOOK_URL", slack.url() + "/services/T000/B000/XXXX");
        env.put("ALERTMANAGER_TOKEN", WEBHOOK_TOKEN);
        env.putAll(environmentsConfig());
        env.putAll(TestTokens.environment());
        env.putAll(DevConsole.environment());
        env.putAll(extraEnvironment);
        for (String name : SERVICES) {
            ServiceProcess service = ServiceProcess.start(root, name, env);
            system.services.put(name, service);
            if (name.equals("approval-service")) {
                env.put("REWIND_APPROVAL_URL", service.url()); // where the console (postmortem-service) sends votes
            }
        }
        List<ServiceProcess> starting = new ArrayList<>(system.services.values());
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> starting.stream().allMatch(ServiceProcess::ready));
        } catch (RuntimeException notReady) {
            // Stop the ones that did start: left running, they would keep their consumer groups' partitions and take
            // the next run's records.
            system.close();
            throw notReady;
        }
        return system;
    }

    /** The environments the packaged services may act in: those of the tests' targets (see the properties file). */
    static Map<String, String> environmentsConfig() {
        return Map.of("QUARKUS_CONFIG_LOCATIONS",
                projectRoot().resolve("system-tests/src/test/resources/environments.properties").toString());
    }

    /** The running services' processes. */
    List<ServiceProcess> processes() {
        return List.copyOf(services.values());
    }

    String url(String service) {
        return services.get(service).url();
    }

    /** The log file of {@code service}'s process. */
    Path logOf(String service) {
        return services.get(service).log();
    }

    /** Posts Alertmanager's firing fixture about {@code target} to the detector's webhook, as Alertmanager would. */
    Response postAlert(TargetKey target) {
        return given().baseUri(url("detector-service"))
                .header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                .contentType("application/json").body(EventFixtures.alertmanagerFiring(target))
                .post("/api/v1/alerts/alertmanager");
    }

    /** Seeds Deployment {@code target} at revision 2 (v1.3.0), with revision 1 (v1.2.5) in its history. */
    Deployment deployTwoReleases(TargetKey target) {
        return sandbox.deployWithHistory(target.namespace(), target.service(), "registry.example/shop/checkout",
                List.of("v1.2.5", "v1.3.0"));
    }

    /** A connection to the database the services use, to look at what they stored. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.getOrDefault("quarkus.datasource.username", "rewind"),
                database.getOrDefault("quarkus.datasource.password", ""));
    }

    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        slack.close();
        sandbox.close();
    }

    private static Path projectRoot() {
        String root = System.getProperty("rewind.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
