package dev.rewind.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real Kafka broker and PostgreSQL the tests run against: the tests' own, on ports of their own (Kafka 19092,
 * PostgreSQL 55433, or {@code REWIND_TEST_KAFKA_PORT} / {@code REWIND_TEST_POSTGRES_PORT}), never the dev stack's
 * (9092, 55432): tests clean schemas and join consumer groups, and must not touch a running stack's data. Reuses
 * the ones listening on those ports (CI starts them first); otherwise starts them with Testcontainers where a Docker
 * engine is reachable, and with the project's {@code dev/} scripts where none is. Each is started at most once per
 * JVM.
 */
public final class Infrastructure {

    /** The tests' broker port; deliberately not the dev stack's 9092. */
    public static final int KAFKA_PORT = Integer.parseInt(env("REWIND_TEST_KAFKA_PORT", "19092"));
    /** The tests' PostgreSQL port; deliberately not the dev stack's 55432. */
    public static final int POSTGRES_PORT = Integer.parseInt(env("REWIND_TEST_POSTGRES_PORT", "55433"));

    private static final String KAFKA = "127.0.0.1:" + KAFKA_PORT;

    private static Map<String, String> kafka;
    private static Map<String, String> postgres;
    private static boolean postgresContainer;

    private Infrastructure() {
    }

    /** Ensures a broker is running; returns the Quarkus configuration that points at it. */
    public static synchronized Map<String, String> kafka() {
        if (kafka == null) {
            if (LocalService.listening("127.0.0.1", KAFKA_PORT)) {
                kafka = Map.of("kafka.bootstrap.servers", KAFKA);
            } else if (!dockerAvailable()) {
                new LocalService("kafka.sh", KAFKA_PORT, Map.of("KAFKA_PORT", String.valueOf(KAFKA_PORT)))
                        .ensureRunning();
                kafka = Map.of("kafka.bootstrap.servers", KAFKA);
            } else {
                KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
                container.start();
                kafka = Map.of("kafka.bootstrap.servers", container.getBootstrapServers());
            }
        }
        return kafka;
    }

    /** Ensures PostgreSQL with database and user {@code rewind} is running; returns the datasource configuration. */
    public static synchronized Map<String, String> postgres() {
        if (postgres == null) {
            if (LocalService.listening("127.0.0.1", POSTGRES_PORT) || !dockerAvailable()) {
                new LocalService("postgres.sh", POSTGRES_PORT, Map.of("POSTGRES_PORT", String.valueOf(POSTGRES_PORT)))
                        .ensureRunning();
                postgres = Map.of("quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/rewind");
            } else {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:15")
                        .withDatabaseName("rewind").withUsername("rewind").withPassword("rewind");
                container.start();
                postgresContainer = true;
                postgres = Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                        "quarkus.datasource.username", "rewind", "quarkus.datasource.password", "rewind");
            }
        }
        return postgres;
    }

    /**
     * Fault injection: stops the tests' PostgreSQL, keeps it down for {@code outage}, and starts it again with its
     * data. Only where the dev scripts run it (not with Testcontainers).
     */
    public static void interruptPostgres(Duration outage) throws InterruptedException {
        postgres();
        if (postgresContainer) {
            throw new IllegalStateException("PostgreSQL runs in a container here; the outage test needs dev/postgres.sh");
        }
        LocalService database = new LocalService("postgres.sh", POSTGRES_PORT,
                Map.of("POSTGRES_PORT", String.valueOf(POSTGRES_PORT)));
        database.stopNow();
        try {
            Thread.sleep(outage.toMillis()); // the outage itself, not a wait for something to happen
        } finally {
            database.restart();
        }
    }

    /** True when PostgreSQL is run by the dev scripts, so {@link #interruptPostgres} can stop it. */
    public static boolean postgresIsLocal() {
        postgres();
        return !postgresContainer;
    }

    /** The broker's bootstrap address, starting it if needed. */
    public static String kafkaBootstrapServers() {
        return kafka().get("kafka.bootstrap.servers");
    }

    /**
     * Whether to try Docker at all: only where an engine is configured (a socket or DOCKER_HOST), so machines without
     * one skip Testcontainers' probe and its error log.
     */
    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
