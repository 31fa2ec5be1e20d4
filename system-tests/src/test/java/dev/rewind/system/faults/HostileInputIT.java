package dev.rewind.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.system.DevConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Hostile input on every HTTP endpoint and every consumed topic: malformed bodies and parameters are answered 4xx
 * with application/problem+json, never 5xx; poison records land in their dead-letter topic, once per consumer group,
 * with the reason; and good input after them is processed as ever.
 */
@EnabledIfSystemProperty(named = FaultSize.PROPERTY, matches = "ci|full")
class HostileInputIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** The consumer groups (the services' names) of each consumed topic. */
    private static final Map<Topic<?>, List<String>> GROUPS = Map.of(
            Topics.ALERTS, List.of("detector-service"),
            Topics.ROLLBACK_REQUESTS, List.of("approval-service", "postmortem-service"),
            Topics.ROLLBACK_COMMANDS, List.of("executor-service"),
            Topics.INCIDENT_EVENTS, FaultLab.SERVICES);

    private static String httpInjected = "HTTP not run";
    private static String httpOutcome = "not run";
    private static String kafkaInjected = "topics not run";
    private static String kafkaOutcome = "not run";

    @Test
    void everyEndpointAnswersHostileRequestsWithAClientErrorProblem() {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        TargetKey target = lab.deploy("hostile-http");
        lab.postAlertUntilAccepted(target);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> outcomes.allClosed(List.of(target)));
        UUID incident = outcomes.query("SELECT id FROM postmortem.incident WHERE target = ?", target.toString(),
                rows -> rows.next() ? rows.getObject(1, UUID.class) : null);
        List<HttpEndpoint> endpoints = HostileEndpoints.all(lab.root(), target, incident);
        String[] roles = {"oncall", "team-lead", "developer", "viewer"};
        HostileRequests requests = new HostileRequests(lab, TestTokens.token("hostile-hank", roles),
                DevConsole.session("hostile-hank", roles));

        List<String> failures = new ArrayList<>(HostileEndpoints.undeclared(lab.root(), endpoints));
        for (HttpEndpoint endpoint : endpoints) {
            failures.addAll(endpoint.readsBody() ? requests.bodies(endpoint) : requests.parameters(endpoint));
        }
        lab.awaitAllReady();
        httpInjected = requests.sent() + " hostile requests (" + HostileBodies.corpus("{}", "/a", null).size()
                + " bodies, " + HostileParameters.VALUES.size() + " parameter values) x " + endpoints.size()
                + " endpoints";
        httpOutcome = (failures.isEmpty() ? "no 5xx; every refusal a 4xx problem+json" : failures.size()
                + " wrong answers") + ", but " + requests.bareRefusals() + " malformed URLs Vert.x refuses with a"
                + " bare 400";
        assertThat(failures).as("answers that are not a 4xx problem+json").isEmpty();
    }

    @Test
    void poisonRecordsAreDeadLetteredWithTheirReasonAndTheNextGoodInputIsProcessed() {
        FaultLab lab = FaultLab.shared();
        Outcomes outcomes = new Outcomes(lab);
        TargetKey good = lab.deploy("hostile-next");
        TargetKey decoy = new TargetKey("development", "shop", "decoy-" + UUID.randomUUID().toString()
                .substring(0, 8));
        int sent = 0;
        for (Topic<?> topic : Topics.ALL) {
            for (PoisonRecords.Poison poison : PoisonRecords.of(topic, good, decoy)) {
                lab.kafka().sendRaw(topic.name(), poison.key(), poison.value(), poison.headers());
                sent++;
            }
        }
        kafkaInjected = sent + " poison records (" + String.join(", ", PoisonRecords.KINDS) + ") on "
                + Topics.ALL.size() + " topics";

        lab.postAlertUntilAccepted(good);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> outcomes.incidentStatuses(good).equals(List.of("ROLLED_BACK")));
        assertThat(outcomes.appliedPatches(good)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> !outcomes.slackMessagesAbout(good).isEmpty());

        Predicate<ConsumerRecord<String, String>> ours = record -> good.toString().equals(record.key())
                || (record.value() != null && record.value().contains(decoy.service()));
        List<String> failures = new ArrayList<>();
        for (Topic<?> topic : Topics.ALL) {
            List<String> groups = GROUPS.get(topic);
            groups.forEach(group -> ConsumedUpTo.awaitGroup(lab, topic.name(), group));
            List<PoisonRecords.Poison> poisons = PoisonRecords.of(topic, good, decoy);
            List<ConsumerRecord<String, String>> dead = lab.kafka().recordsNow(topic.deadLetterTopic(), ours);
            for (PoisonRecords.Poison poison : poisons) {
                long found = dead.stream().filter(record -> String.valueOf(TestKafka.header(record,
                        CloudEventHeaders.DEAD_LETTER_REASON)).contains(poison.reason())).count();
                if (found != groups.size()) {
                    failures.add(topic.name() + " / " + poison.name() + ": " + found + " dead letters with a reason "
                            + "containing '" + poison.reason() + "', expected " + groups.size() + " (one per group "
                            + groups + ")");
                }
            }
            if (dead.size() != poisons.size() * groups.size()) {
                failures.add(topic.deadLetterTopic() + " holds " + dead.size() + " records about this scenario's "
                        + "targets, expected " + poisons.size() * groups.size() + "; reasons: " + dead.stream()
                        .map(r -> TestKafka.header(r, CloudEventHeaders.DEAD_LETTER_REASON)).toList());
            }
        }
        kafkaOutcome = failures.isEmpty() ? "each dead-lettered once per group with its reason; next alert rolled "
                + "back" : failures.size() + " wrong dead-letterings";
        assertThat(failures).as("poison records not dead-lettered as expected").isEmpty();
    }

    @AfterAll
    static void report() {
        FaultReport.record("hostile input", httpInjected + "; " + kafkaInjected,
                "HTTP status and Content-Type; dead-letter topics and reasons; next good alert",
                "HTTP: " + httpOutcome + "; Kafka: " + kafkaOutcome);
    }
}
