package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.system.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances of every service at once, as with two replicas each: alerts reach either detector (a load balancer's
 * choice), and each target gets a second alert right after the first (another alert of the same storm, posted to the
 * other detector). Each incident is still rolled back exactly once, and each target's lifecycle events stand on
 * rewind.incident-events in the order they happened: opened, approved, started, succeeded.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> LIFECYCLE = List.of(Topic.typeOf(IncidentOpened.class),
            Topic.typeOf(ApprovalGranted.class), Topic.typeOf(RollbackStarted.class),
            Topic.typeOf(RollbackSucceeded.class));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void twoInstancesOfEveryServiceRollEachIncidentBackOnceAndKeepEachTargetsOrder() throws Exception {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        List<String> second = new ArrayList<>();
        List<TargetKey> targets = new ArrayList<>();
        long attached;
        String injected = "2 instances of each of the 5 services, alerts to either detector, "
                + FaultSize.current().loadIncidents + " incidents each alerted twice";
        String checked = "both instances hold partitions of each group; 1 execution, 1 applied patch, 1 outcome per"
                + " target; per target opened < approved < started < succeeded on rewind.incident-events; no DLQ";
        try {
            List<ServiceProcess> started = new ArrayList<>();
            for (String service : FaultLab.SERVICES) {
                started.add(lab.startInstance(service, 2));
                second.add(FaultLab.instanceName(service, 2));
            }
            FaultLab.awaitReady(started);
            // Both instances of each service share its consumer group's partitions before the alerts come.
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> FaultLab.SERVICES.stream().allMatch(service -> consumes(lab, service, 2)));
            List<String> detectors = List.of(lab.instanceNamed(FaultLab.instanceName("detector-service", 1)).url(),
                    lab.instanceNamed(FaultLab.instanceName("detector-service", 2)).url());

            for (int i = 0; i < FaultSize.current().loadIncidents; i++) {
                TargetKey target = lab.deploy("two");
                targets.add(target);
                postUntilAccepted(detectors.get(i % 2), FaultLab.alertBody(target));
                postUntilAccepted(detectors.get((i + 1) % 2), anotherAlert(target));
            }

            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> targets.stream()
                    .allMatch(target -> rolledBack(outcomes, target) && firingAlertsRecorded(outcomes, target) == 2));
            for (TargetKey target : targets) {
                List<String> statuses = outcomes.incidentStatuses(target);
                assertThat(statuses).as("incidents about %s", target).first().isEqualTo("ROLLED_BACK");
                // The second alert joins the open incident; only if it came after the rollback was seen done does it
                // open one of its own, declined by the cooldown guard, never a second rollback.
                assertThat(statuses.subList(1, statuses.size())).as("later incidents about %s", target)
                        .allMatch("DECLINED"::equals);
                assertThat(outcomes.executionStates(target)).as("executions of %s", target).hasSize(1);
                assertThat(outcomes.appliedPatches(target)).as("rollback patches applied to %s", target).isEqualTo(1);
                assertThat(outcomes.outcomeEvents(target)).as("outcome events about %s", target).hasSize(1);
            }
            Map<TargetKey, List<String>> lifecycles = lifecycles(lab, targets);
            assertThat(lifecycles).as("each target's rolled-back incident's events, in offset order")
                    .allSatisfy((target, types) -> assertThat(types).as("%s", target).isEqualTo(LIFECYCLE));
            attached = targets.stream().filter(target -> outcomes.incidentStatuses(target).size() == 1).count();
            assertThat(outcomes.deadLettersAbout(targets)).as("dead letters about these targets").isEmpty();
        } catch (Throwable failure) {
            FaultReport.failed("two instances", injected, checked, failure);
            throw failure;
        } finally {
            for (String name : second) {
                lab.remove(name);
            }
            GracefulStopsIT.restoreFirstInstances(lab);
        }
        FaultReport.record("two instances", injected, checked,
                targets.size() + "/" + targets.size() + " rolled back once, in order; second alert attached to the"
                        + " open incident for " + attached + ", declined by the cooldown for "
                        + (targets.size() - attached));
    }

    /** Another alert about {@code target} from the same storm: a new occurrence (its own fingerprint). */
    private static String anotherAlert(TargetKey target) {
        try {
            ObjectNode body = (ObjectNode) EventJson.mapper().readTree(FaultLab.alertBody(target));
            ObjectNode alert = (ObjectNode) body.at("/alerts/0");
            alert.put("fingerprint", alert.get("fingerprint").asText() + "-again");
            return body.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void postUntilAccepted(String detector, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(detector + "/api/v1/alerts/alertmanager"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + FaultLab.WEBHOOK_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO).ignoreExceptions()
                .until(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202);
    }

    /** True when instance {@code n} of {@code service} holds partitions in the service's consumer group. */
    private static boolean consumes(FaultLab lab, String service, int n) {
        String member = FaultLab.instanceName(service, n) + ".";
        try (Admin admin = lab.admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(service)).describedGroups()
                    .get(service).get();
            return group.members().stream().anyMatch(m -> m.groupInstanceId().filter(id -> id.startsWith(member))
                    .isPresent() && !m.assignment().topicPartitions().isEmpty());
        } catch (ExecutionException e) {
            return false; // the group is rebalancing or not there yet: asked again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean rolledBack(Outcomes outcomes, TargetKey target) {
        List<String> statuses = outcomes.incidentStatuses(target);
        return !statuses.isEmpty() && statuses.get(0).equals("ROLLED_BACK");
    }

    /** The firing alerts about {@code target} the detector recorded: both, once each, whichever instance took them. */
    private static long firingAlertsRecorded(Outcomes outcomes, TargetKey target) {
        return outcomes.query("SELECT count(*) FROM detector.alert WHERE target = ? AND status = 'FIRING'",
                target.toString(), rows -> rows.next() ? rows.getLong(1) : 0L);
    }

    /**
     * For each target, the lifecycle event types of its rolled-back incident on rewind.incident-events in offset
     * order, each event counted at its first copy (the outbox relay may publish one twice, never out of order).
     */
    private static Map<TargetKey, List<String>> lifecycles(FaultLab lab, List<TargetKey> targets) {
        Set<String> keys = targets.stream().map(TargetKey::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = new ArrayList<>(lab.kafka().recordsNow(
                Topics.INCIDENT_EVENTS.name(), record -> keys.contains(record.key())));
        records.sort(Comparator.comparingInt((ConsumerRecord<String, String> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        Map<TargetKey, List<String>> lifecycles = new LinkedHashMap<>();
        for (TargetKey target : targets) {
            List<ConsumerRecord<String, String>> own = records.stream()
                    .filter(record -> record.key().equals(target.toString())).toList();
            String rolledBack = own.stream()
                    .filter(record -> LIFECYCLE.get(3).equals(TestKafka.header(record, CloudEventHeaders.TYPE)))
                    .map(record -> TestKafka.header(record, CloudEventHeaders.SUBJECT)).findFirst().orElse("none");
            Set<String> seen = new HashSet<>();
            lifecycles.put(target, own.stream()
                    .filter(record -> rolledBack.equals(TestKafka.header(record, CloudEventHeaders.SUBJECT)))
                    .filter(record -> seen.add(TestKafka.header(record, CloudEventHeaders.ID)))
                    .map(record -> TestKafka.header(record, CloudEventHeaders.TYPE))
                    .filter(LIFECYCLE::contains).toList());
        }
        return lifecycles;
    }
}
