package dev.rewind.system;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.Infrastructure;
import dev.rewind.platform.testing.PublishedEvents;
import dev.rewind.platform.testing.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The escalation path survives a crash of the notifier between two levels: the packaged notifier (levels 2 after
 * 2 s and 3 after 20 s) announces level 2, is killed (SIGKILL, no graceful stop), and once started again announces
 * level 3 once, without announcing level 2 again.
 */
class EscalationRestartIT {

    private static final String LEVEL_3_AFTER = "20s";

    @Test
    void aRestartBetweenTwoLevelsAnnouncesTheNextLevelOnceAndNeverRepeatsTheFirst() throws Exception {
        Path root = projectRoot();
        Map<String, String> database = Infrastructure.postgres();
        Map<String, String> env = new HashMap<>(RewindSystem.connections(Infrastructure.kafka(), database));
        env.putAll(RewindSystem.environmentsConfig());
        env.put("REWIND_NOTIFIER_ESCALATION_LEVELS_2_AFTER", "2s");
        env.put("REWIND_NOTIFIER_ESCALATION_LEVELS_3_AFTER", LEVEL_3_AFTER);
        env.put("REWIND_NOTIFIER_ESCALATION_LEVELS_4_AFTER", "1h");
        env.put("REWIND_NOTIFIER_ESCALATION_CHECK_INTERVAL", "1s");
        env.put("REWIND_NOTIFIER_ESCALATION_CATCH_UP_GRACE", "2s");
        // The killed instance stays a member of the notifier's consumer group until its session times out (45 s by
        // default): every notifier joining meanwhile, this test's second one and the next test's, waits for it.
        env.put("JAVA_TOOL_OPTIONS", "-Dmp.messaging.incoming.incident-events.session.timeout.ms=6000");
        TargetKey target = PublishedEvents.uniqueTarget("production");
        UUID incident = UUID.randomUUID();

        try (TestKafka kafka = TestKafka.connect()) {
            ServiceProcess first = ServiceProcess.start(root, "notifier-service", "notifier-escalation-first", env);
            try {
                awaitReady(first);
                awaitReading(kafka, database, target);
                kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target));
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), escalation(target, 2));
                assertThat(levels(kafka.recordsNow(Topics.INCIDENT_EVENTS.name(), about(target,
                        IncidentEscalated.class)))).as("level 3 is not due yet when the notifier crashes")
                        .containsExactly(2);
            } finally {
                first.kill();
            }

            try (ServiceProcess second = ServiceProcess.start(root, "notifier-service", "notifier-escalation-second",
                    env)) {
                awaitReady(second);
                // Records of one target keep their order: every escalation published before level 3 is read here.
                List<ConsumerRecord<String, String>> escalations = kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(),
                        about(target, IncidentEscalated.class), escalation(target, 3));
                assertThat(levels(escalations)).as("level 2 before the crash, level 3 after it, each once")
                        .containsExactly(2, 3);
                assertThat(stored(database, incident)).isEqualTo("reached 3, next 4");
                assertThat(Files.readAllLines(second.log())).as("the restarted notifier announced level 3")
                        .anyMatch(line -> line.contains(target + " is still unresolved")
                                && line.contains("escalated to level 3 (engineering leadership)"));
            }
        }
    }

    private static void awaitReady(ServiceProcess notifier) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(notifier::ready);
    }

    /**
     * Waits until the notifier reads incident events as they come (its consumer may still be joining the group after
     * it reports ready): an opening read late is held for the catch-up grace and would skip level 2.
     */
    private static void awaitReading(TestKafka kafka, Map<String, String> database, TargetKey target) {
        UUID probe = UUID.randomUUID();
        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(probe, target, fixture.executionId(),
                fixture.method(), fixture.fromVersion(), fixture.toVersion(), fixture.message(), Instant.now()));
        await().atMost(Duration.ofMinutes(2)).until(() -> stored(database, probe) != null);
    }

    private static IncidentOpened opened(UUID incident, TargetKey target) {
        IncidentOpened fixture = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, System.currentTimeMillis() % 1_000_000, target, fixture.severity(),
                fixture.signal(), fixture.reason(), fixture.version(), Instant.now());
    }

    private static Predicate<ConsumerRecord<String, String>> escalation(TargetKey target, int level) {
        return about(target, IncidentEscalated.class)
                .and(record -> EventJson.read(record.value(), IncidentEscalated.class).level() == level);
    }

    private static List<Integer> levels(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> EventJson.read(record.value(), IncidentEscalated.class).level())
                .toList();
    }

    /** What the notifier stored of the incident's path: the level reached and the next one; null if nothing. */
    private static String stored(Map<String, String> database, UUID incident) throws Exception {
        try (Connection db = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.getOrDefault("quarkus.datasource.username", "rewind"),
                database.getOrDefault("quarkus.datasource.password", ""));
             PreparedStatement query = db.prepareStatement(
                     "SELECT reached_level, next_level FROM notifier.incident_escalation WHERE incident_id = ?")) {
            query.setObject(1, incident);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? "reached " + row.getInt(1) + ", next " + row.getInt(2) : null;
            }
        }
    }

    private static Path projectRoot() {
        String root = System.getProperty("rewind.root");
        return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    }
}
