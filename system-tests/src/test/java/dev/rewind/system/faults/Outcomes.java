package dev.rewind.system.faults;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.TestKafka;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the laboratory's Rewind did, read from where each effect lands: incident records (postmortem schema),
 * executions (executor schema), patches the sandbox's API server received, messages the Slack stand-in got, and the
 * records of the topics and their dead-letter topics. The scenarios' invariants are asserted on these.
 */
public final class Outcomes {

    /** The outcome event types: a rollback ended, one way or another. */
    public static final Set<String> OUTCOME_TYPES = Set.of(Topic.typeOf(RollbackSucceeded.class),
            Topic.typeOf(RollbackFailed.class), Topic.typeOf(RollbackUnverified.class));

    private final FaultLab lab;

    public Outcomes(FaultLab lab) {
        this.lab = lab;
    }

    /** The statuses of the incidents recorded about {@code target} (postmortem-service), oldest first. */
    public List<String> incidentStatuses(TargetKey target) {
        return strings("SELECT status FROM postmortem.incident WHERE target = ? ORDER BY opened_at", target.toString());
    }

    /** The states of the executions of rollbacks of {@code target} (executor-service), oldest first. */
    public List<String> executionStates(TargetKey target) {
        return strings("SELECT state FROM executor.execution WHERE target = ? ORDER BY created_at", target.toString());
    }

    /** True when every target has exactly one incident and it is closed (its status final). */
    public boolean allClosed(Collection<TargetKey> targets) {
        Set<String> closed = Set.of("DECLINED", "REJECTED", "EXPIRED", "ROLLED_BACK", "ROLLED_BACK_UNVERIFIED",
                "ROLLBACK_FAILED");
        return targets.stream().allMatch(target -> {
            List<String> statuses = incidentStatuses(target);
            return statuses.size() == 1 && closed.contains(statuses.get(0));
        });
    }

    /** The rollback patches of {@code target}'s Deployment the sandbox's API server received (whatever it answered). */
    public int patches(TargetKey target) {
        return lab.sandbox().deploymentPatches(target.namespace(), target.service()).size();
    }

    /** Those of them it applied. */
    public int appliedPatches(TargetKey target) {
        return lab.sandbox().appliedDeploymentPatches(target.namespace(), target.service()).size();
    }

    /** Slack messages delivered more than once (same body), with their counts. */
    public Map<String, Long> slackDuplicates() {
        return lab.slack().requests().stream().filter(r -> "POST".equals(r.method()))
                .collect(Collectors.groupingBy(RecordingHttpServer.Request::body, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Slack messages that name {@code target}'s service. */
    public List<RecordingHttpServer.Request> slackMessagesAbout(TargetKey target) {
        return lab.slack().requestsContaining(target.service());
    }

    /**
     * The distinct outcome events (by CloudEvents id) about {@code target} on the incident-events topic: the relay may
     * send an event twice after a crash (consumers drop the copy by its id), never two outcomes.
     */
    public Set<String> outcomeEvents(TargetKey target) {
        Set<String> ids = new HashSet<>();
        lab.kafka().recordsNow(Topics.INCIDENT_EVENTS.name(), record -> target.toString().equals(record.key())
                && OUTCOME_TYPES.contains(TestKafka.header(record, CloudEventHeaders.TYPE)))
                .forEach(record -> ids.add(TestKafka.header(record, CloudEventHeaders.ID)));
        return ids;
    }

    /** The static member names ({@code group.instance.id}) in consumer group {@code group} now; dynamic members aside. */
    public List<String> staticMembers(String group) {
        try (Admin admin = lab.admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .flatMap(member -> member.groupInstanceId().stream()).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        }
    }

    /** The dead-letter topics that exist on the broker now. */
    public List<String> deadLetterTopics() {
        try (Admin admin = lab.admin()) {
            return admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq")).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the broker's topics", e);
        }
    }

    /** Every dead-lettered record whose key or value names one of {@code targets}' services. */
    public List<ConsumerRecord<String, String>> deadLettersAbout(Collection<TargetKey> targets) {
        Set<String> services = targets.stream().map(TargetKey::service).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            found.addAll(lab.kafka().recordsNow(topic, record -> services.stream().anyMatch(service ->
                    (record.key() != null && record.key().contains(service))
                            || (record.value() != null && record.value().contains(service)))));
        }
        return found;
    }

    private List<String> strings(String sql, String parameter) {
        return query(sql, parameter, rows -> {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    /** Reads rows from the laboratory's database. */
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code sql} with one string parameter; a database that is restarting is an empty answer, not an error. */
    public <T> T query(String sql, String parameter, Rows<T> read) {
        try (Connection connection = lab.database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return read.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the laboratory's database: " + e.getMessage(), e);
        }
    }

}
