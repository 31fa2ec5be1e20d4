package dev.rewind.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real Kafka broker and PostgreSQL the tests run against. Reuses the ones listening at the configured
 * addresses (CI starts them first); otherwise starts them with Testcontainers where a Docker engine is reachable,
 * and with the project's {@code dev/} scripts where none is. Each is started at most once per JVM.
 */
public final class Infrastructure {

    /** Kafka bootstrap address, from {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code 127.0.0.1:9092}). */
    private static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final int POSTGRES_PORT = Integer.parseInt(env("POSTGRES_PORT", "55432"));

    private static Map<String, String> kafka;
    private static Map<String, String> postgres;

    private Infrastructure() {
    }

    /** Ensures a broker is running; returns the Quarkus configuration that points at it. */
    public static synchronized Map<String, String> kafka() {
        if (kafka == null) {
            String first = KAFKA.split(",")[0].trim();
            String host = first.substring(0, first.lastIndexOf(':'));
            int port = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
            if (LocalService.listening(host, port)) {
                kafka = Map.of("kafka.bootstrap.servers", KAFKA);
            } else if (!dockerAvailable()) {
                new LocalService("kafka.sh", port, Map.of("KAFKA_PORT", String.valueOf(port))).ensureRunning();
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
                postgres = Map.of("quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                        "quarkus.datasource.username", "rewind", "quarkus.datasource.password", "rewind");
            }
        }
        return postgres;
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
