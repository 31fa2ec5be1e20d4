package dev.rewind.system;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.Release;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.testing.Infrastructure;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.sandbox.KubernetesSandbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Executor instances against one database and one Kafka group, as in a rolling update: the first drives six
 * rollbacks (three stalled by a failing API server before their patch, three patched and waiting for slow pods) and is
 * stopped gracefully while two others are up; its executions stay resumable, their leases are given back, the two
 * others race for them, and each is finished by exactly one instance: one patch, one start, one "patched", one outcome.
 */
class TwoExecutorsIT {

    private static final int TARGETS = 6;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void eachExecutionIsFinishedByExactlyOneInstanceAfterAGracefulStopOfTheOneDrivingIt() throws Exception {
        Path root = projectRoot();
        Map<String, String> database = Infrastructure.postgres();
        try (KubernetesSandbox sandbox = KubernetesSandbox.start(0); TestKafka kafka = TestKafka.connect()) {
            Map<String, String> env = environment(root, sandbox, database);
            List<TargetKey> targets = new ArrayList<>();
            List<RollbackApproved> commands = new ArrayList<>();
            List<AutoCloseable> obstacles = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                TargetKey target = new TargetKey("development", "shop", "svc-" + UUID.randomUUID().toString()
                        .substring(0, 8));
                sandbox.deployWithHistory(target.namespace(), target.service(), "registry.example/shop/checkout",
                        List.of("v1.2.5", "v1.3.0"));
                targets.add(target);
                commands.add(command(target, DeploymentRevisions.releaseOf(sandbox.client().apps().deployments()
                        .inNamespace(target.namespace()).withName(target.service()).get())));
                // Half stall before their patch (the API server answers 503), half after it (pods slow to start).
                obstacles.add(i % 2 == 0
                        ? sandbox.failDeploymentRequests(target.namespace(), target.service(), 503, Integer.MAX_VALUE)
                        : sandbox.controller().holdRollouts(target.namespace(), target.service()));
            }

            try (ServiceProcess first = start(root, "executor-first", env)) {
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(first::ready);
                commands.forEach(command -> kafka.send(Topics.ROLLBACK_COMMANDS, command));
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
                    for (int i = 0; i < TARGETS; i++) {
                        if (!inFlight(database, targets.get(i), i % 2 == 0)) {
                            return false;
                        }
                    }
                    return true;
                });
                try (ServiceProcess second = start(root, "executor-second", env);
                     ServiceProcess third = start(root, "executor-third", env)) {
                    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                            .until(() -> second.ready() && third.ready());
                    assertThat(targets).as("leases the first instance holds and renews")
                            .allSatisfy(target -> assertThat(leaseOwner(database, target)).isEqualTo("executor-first"));

                    // A rolling update of the executor: the first stops gracefully while both others sweep every
                    // second, racing for the leases it gives back.
                    first.close();
                    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> targets.stream()
                            .allMatch(target -> Arrays.asList("executor-second", "executor-third")
                                    .contains(uncheckedLeaseOwner(database, target)))); // null while given back
                    for (AutoCloseable obstacle : obstacles) {
                        obstacle.close();
                    }
                    for (int i = 0; i < TARGETS; i++) {
                        TargetKey target = targets.get(i);
                        UUID incident = commands.get(i).incidentId();
                        kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackSucceeded.class)
                                .and(r -> r.value().contains(incident.toString())));
                    }
                    await().atMost(PATIENCE).until(() -> outboxDrained(database, targets));
                }
            }

            for (TargetKey target : targets) {
                assertThat(sandbox.deploymentPatches(target.namespace(), target.service()))
                        .as("rollback patches sent to %s", target).hasSize(1);
                assertThat(sandbox.appliedDeploymentPatches(target.namespace(), target.service())).hasSize(1);
                assertThat(published(database, target, RollbackStarted.class)).as("started %s", target).hasSize(1);
                assertThat(published(database, target, RollbackStepCompleted.class)).as("steps of %s", target)
                        .filteredOn(payload -> payload.contains("\"step\":\"patched\"")).hasSize(1);
                assertThat(published(database, target, RollbackSucceeded.class)).hasSize(1);
                assertThat(published(database, target, RollbackFailed.class)).isEmpty();
            }
        }
    }

    private static ServiceProcess start(Path root, String instance, Map<String, String> env) {
        Map<String, String> named = new HashMap<>(env);
        named.put("REWIND_EXECUTOR_LEASE_OWNER", instance);
        return ServiceProcess.start(root, "executor-service", instance, named);
    }

    private static Map<String, String> environment(Path root, KubernetesSandbox sandbox, Map<String, String> database) {
        Map<String, String> env = new HashMap<>(RewindSystem.environmentsConfig());
        env.put("KAFKA_BOOTSTRAP_SERVERS", Infrastructure.kafkaBootstrapServers());
        env.put("POSTGRES_URL", database.get("quarkus.datasource.jdbc.url"));
        if (database.containsKey("quarkus.datasource.username")) {
            env.put("POSTGRES_USER", database.get("quarkus.datasource.username"));
            env.put("POSTGRES_PASSWORD", database.get("quarkus.datasource.password"));
        }
        env.put("KUBECONFIG", sandbox.writeKubeconfig(root.resolve("system-tests/target/kubeconfig-two-executors.yaml"),
                "shop").toString());
        // Short leases and sweeps, so that a take-over happens within the test; quick polls.
        env.put("REWIND_EXECUTOR_LEASE_DURATION", "5s");
        env.put("REWIND_EXECUTOR_LEASE_RENEW_EVERY", "1s");
        env.put("REWIND_EXECUTOR_LEASE_SWEEP_EVERY", "1s");
        env.put("REWIND_EXECUTOR_POLL_INTERVAL", "100ms");
        env.put("REWIND_EXECUTOR_CONCURRENCY", String.valueOf(TARGETS));
        env.put("REWIND_EXECUTOR_KUBERNETES_RETRY_MAX_DELAY", "500ms");
        env.put("REWIND_EXECUTOR_KUBERNETES_RETRY_MAX_DURATION", "10m");
        return env;
    }

    private static RollbackApproved command(TargetKey target, Release judged) {
        RollbackApproved fixture = EventFixtures.event(RollbackApproved.class);
        return new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), fixture.incidentNumber(),
                target, fixture.severity(), fixture.reason(), fixture.method(), fixture.toRevision(), judged, null,
                fixture.approvedBy(), fixture.overrides(), fixture.occurredAt());
    }

    /**
     * The execution is stalled where its obstacle holds it, its lease held: retrying its first API call, or patched,
     * announced and waiting for the rollout.
     */
    private static boolean inFlight(Map<String, String> database, TargetKey target, boolean beforePatch)
            throws SQLException {
        return query(database, "SELECT state, patched_at, lease_owner FROM executor.execution WHERE target = ?",
                target.toString(), rows -> rows.next() && rows.getString(3) != null && (beforePatch
                        ? "ACCEPTED".equals(rows.getString(1)) : rows.getTimestamp(2) != null));
    }

    private static String leaseOwner(Map<String, String> database, TargetKey target) throws SQLException {
        return query(database, "SELECT lease_owner FROM executor.execution WHERE target = ?", target.toString(),
                rows -> rows.next() ? rows.getString(1) : "no execution");
    }

    private static String uncheckedLeaseOwner(Map<String, String> database, TargetKey target) {
        try {
            return leaseOwner(database, target);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean outboxDrained(Map<String, String> database, List<TargetKey> targets) throws SQLException {
        for (TargetKey target : targets) {
            if (query(database, "SELECT count(*) FROM executor.outbox_event WHERE record_key = ? "
                    + "AND published_at IS NULL", target.toString(), rows -> rows.next() && rows.getLong(1) > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Every event of {@code type} the executors published about {@code target}, as recorded in their outbox. */
    private static List<String> published(Map<String, String> database, TargetKey target, Class<?> type)
            throws SQLException {
        return query(database, "SELECT payload FROM executor.outbox_event WHERE record_key = ? AND event_type = '"
                + Topic.typeOf(type) + "'", target.toString(), rows -> {
                    List<String> payloads = new ArrayList<>();
                    while (rows.next()) {
                        payloads.add(rows.getString(1));
                    }
                    return payloads;
                });
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(Map<String, String> database, String sql, String parameter, Rows<T> read)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.getOrDefault("quarkus.datasource.username", "rewind"),
                database.getOrDefault("quarkus.datasource.password", ""));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return read.read(rows);
            }
        }
    }

    private static Path projectRoot() {
        String root = System.getProperty("rewind.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
