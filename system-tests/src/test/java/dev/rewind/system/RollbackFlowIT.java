package dev.rewind.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.Infrastructure;
import dev.rewind.platform.testing.PublishedEvents;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.opentelemetry.proto.trace.v1.Span;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One Alertmanager alert becomes one verified rollback, across the five packaged services. */
class RollbackFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static RewindSystem rewind;
    private static OtlpCollector collector;

    @BeforeAll
    static void start() {
        collector = OtlpCollector.start();
        rewind = RewindSystem.start(Map.of("REWIND_OTLP_ENDPOINT", collector.url(), "REWIND_TRACE_SAMPLING", "1",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms", "REWIND_LOG_JSON", "true"));
    }

    @AfterAll
    static void stop() {
        rewind.close();
        collector.close();
    }

    @Test
    void oneAlertIsOneTraceAcrossTheFiveServicesFromTheWebhookToTheSlackMessages() throws IOException {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);

        rewind.postAlert(target).then().statusCode(202);

        await().atMost(PATIENCE).until(() -> incidentStatus(target).equals("ROLLED_BACK"));
        String traceId;
        try {
            traceId = await().atMost(PATIENCE).until(() -> collector.all().stream()
                    .filter(span -> span.name().equals("rewind.alerts publish")
                            && target.toString().equals(span.attribute("messaging.kafka.message.key")))
                    .map(OtlpCollector.CollectedSpan::traceId).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the alert's send was not exported; received " + collector.summary(), e);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<OtlpCollector.CollectedSpan> trace = collector.trace(traceId);
            assertThat(trace).extracting(OtlpCollector.CollectedSpan::service).contains("detector-service",
                    "approval-service", "executor-service", "notifier-service", "postmortem-service");
            assertThat(trace).extracting(span -> span.service() + ": " + span.name()).contains(
                    "detector-service: POST /api/v1/alerts/alertmanager",
                    "approval-service: rewind.rollback-requests process",
                    "executor-service: rewind.rollback-commands process",
                    "executor-service: rollback",
                    "executor-service: kubernetes patch deployment",
                    "notifier-service: notify slack",
                    "postmortem-service: rewind.incident-events process");
            assertThat(trace).filteredOn(span -> span.parentSpanId().isEmpty()).as("one root: the webhook")
                    .extracting(OtlpCollector.CollectedSpan::name).containsExactly("POST /api/v1/alerts/alertmanager");
            Set<String> ids = trace.stream().map(OtlpCollector.CollectedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> !span.parentSpanId().isEmpty())
                    .allSatisfy(span -> assertThat(ids).as("parent of " + span.name()).contains(span.parentSpanId()));
            assertThat(trace).filteredOn(span -> span.service().equals("notifier-service")
                    && span.kind() == Span.SpanKind.SPAN_KIND_CLIENT).as("the Slack call").isNotEmpty();
        });
        List<JsonNode> executorLines = jsonLines(rewind.logOf("executor-service"));
        assertThat(executorLines).as("the executor's JSON log lines about driving the rollback").anySatisfy(line -> {
            assertThat(line.at("/mdc/traceId").asText()).isEqualTo(traceId);
            assertThat(line.at("/mdc/target").asText()).isEqualTo(target.toString());
            assertThat(line.at("/mdc/incident").asText()).isNotEmpty();
            assertThat(line.path("message").asText()).contains("driving it");
        });
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("{")) {
                lines.add(EventJson.mapper().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void alertBecomesOneVerifiedRollbackAnnouncedAndRecorded() throws Exception {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        Deployment seeded = rewind.deployTwoReleases(target);
        ReplicaSet revisionOne = replicaSet(target, "1");

        rewind.postAlert(target).then().statusCode(202);

        await().atMost(PATIENCE).until(() -> incidentStatus(target).equals("ROLLED_BACK"));
        Deployment rolledBack = deployment(target);
        assertThat(DeploymentRevisions.sameTemplate(rolledBack.getSpec().getTemplate(),
                revisionOne.getSpec().getTemplate())).as("the pod template is revision 1's").isTrue();
        assertThat(DeploymentRevisions.versionOf(rolledBack.getSpec().getTemplate())).isEqualTo("v1.2.5");
        assertThat(rolledBack.getMetadata().getAnnotations()).containsEntry(DeploymentRevisions.REVISION, "3");
        assertThat(rolledBack.getMetadata().getUid()).isEqualTo(seeded.getMetadata().getUid());
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);

        List<RecordingHttpServer.Request> messages = slackMessages(target, 2);
        assertThat(messages).hasSize(2);
        assertThat(fields(messages.get(0))).contains("*Environment*: Development", "*Service*: " + target.service(),
                "*From Version*: v1.3.0", "*To Version*: v1.2.5", "*Reason*: High error rate (12% 5xx errors)",
                "*Status*: In Progress");
        assertThat(header(messages.get(0))).isEqualTo("🚨 DEVELOPMENT ROLLBACK INITIATED");
        assertThat(fields(messages.get(1))).contains("*From Version*: v1.3.0", "*To Version*: v1.2.5",
                "*Status*: Completed");
        assertThat(header(messages.get(1))).isEqualTo("✅ DEVELOPMENT ROLLBACK COMPLETED");

        JsonPath incident = incident(target);
        List<String> lifecycle = incident.<String>getList("timeline.kind").stream()
                .filter(kind -> List.of("opened", "approved", "started", "succeeded").contains(kind)).toList();
        assertThat(lifecycle).containsExactly("opened", "approved", "started", "succeeded");
        assertThat(incident.getString("severity")).isEqualTo("P1");
    }

    @Test
    void productionP1WaitsForAPersonAndIsRolledBackOnceApprovedThroughTheApi() throws Exception {
        TargetKey target = PublishedEvents.uniqueTarget("production");
        rewind.deployTwoReleases(target);
        String alice = TestTokens.token("alice", "oncall");

        rewind.postAlert(target).then().statusCode(202);

        await().atMost(PATIENCE).until(() -> incidentStatus(target).equals("AWAITING_APPROVAL"));
        JsonPath pending = given().baseUri(rewind.url("approval-service")).auth().oauth2(alice)
                .queryParam("environment", "production").queryParam("severity", "P1")
                .get("/api/v1/approvals").then().statusCode(200).extract().jsonPath();
        String requestId = pending.getString("find { it.target == '" + target + "' }.id");
        assertThat(requestId).as("the request waits in the pending list").isNotNull();
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service()))
                .as("production waits for a person").isEmpty();

        given().baseUri(rewind.url("approval-service")).auth().oauth2(alice).contentType("application/json")
                .body("{\"reason\": \"5xx confirmed on the dashboard\"}")
                .post("/api/v1/approvals/" + requestId + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        await().atMost(PATIENCE).until(() -> incidentStatus(target).equals("ROLLED_BACK"));
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);
        assertThat(DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate())).isEqualTo("v1.2.5");
        List<String> timeline = incident(target).getList("timeline.summary");
        assertThat(timeline).anyMatch(line -> line.startsWith("1 approval(s) requested (oncall or team-lead)"))
                .anyMatch(line -> line.equals("Approved by alice: 5xx confirmed on the dashboard"));
    }

    @Test
    void alertmanagerResendingTheSameAlertStillRollsBackOnce() throws Exception {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);

        for (int i = 0; i < 3; i++) {
            rewind.postAlert(target).then().statusCode(202);
        }

        await().atMost(PATIENCE).until(() -> incidentStatus(target).equals("ROLLED_BACK"));
        await().atMost(PATIENCE).until(() -> alertsConsumed(target) == 3);
        assertThat(rowsFor("executor.execution", target)).isEqualTo(1);
        assertThat(rowsFor("postmortem.incident", target)).isEqualTo(1);
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);
        assertThat(DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate())).isEqualTo("v1.2.5");
    }

    @Test
    void anotherAlertAfterTheRollbackIsDeclinedNeverRollingBackToTheFaultyVersion() throws Exception {
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);
        rewind.postAlert(target).then().statusCode(202);
        await().atMost(PATIENCE).until(() -> incidentStatuses(target).equals(List.of("ROLLED_BACK")));
        // Until the detector has seen the success, a new alert joins the open incident as evidence (also safe).
        await().atMost(PATIENCE).until(() -> rowsFor("detector.incident", target, "rolled_back_at IS NOT NULL") == 1);

        // A flapping rule or a second rule fires again: a new fingerprint, a new alert storm.
        ObjectNode again = tree(EventFixtures.alertmanagerFiring(target));
        ((ObjectNode) again.at("/alerts/0")).put("fingerprint", "fp-flapping").put("startsAt", "2026-11-15T14:40:00Z");
        given().baseUri(rewind.url("detector-service")).header("Authorization", "Bearer " + RewindSystem.WEBHOOK_TOKEN)
                .contentType("application/json").body(again.toString())
                .post("/api/v1/alerts/alertmanager").then().statusCode(202);

        await().atMost(PATIENCE).until(() -> incidentStatuses(target).equals(List.of("DECLINED", "ROLLED_BACK")));
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service()))
                .as("one rollback, no rollback of the rollback").hasSize(1);
        assertThat(DeploymentRevisions.versionOf(deployment(target).getSpec().getTemplate())).isEqualTo("v1.2.5");
        assertThat(rowsFor("executor.execution", target)).isEqualTo(1);
    }

    @Test
    void flowCompletesAfterADatabaseOutageAndNothingValidIsDeadLettered() throws Exception {
        Assumptions.assumeTrue(Infrastructure.postgresIsLocal(), "needs the dev-script PostgreSQL to stop it");
        TargetKey target = PublishedEvents.uniqueTarget("development");
        rewind.deployTwoReleases(target);

        rewind.postAlert(target).then().statusCode(202);
        Infrastructure.interruptPostgres(Duration.ofSeconds(10));

        // The query API may answer 5xx while the database comes back; what counts is that the flow completes.
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> incidentStatus(target).equals("ROLLED_BACK"));
        assertThat(rewind.sandbox.deploymentPatches(target.namespace(), target.service())).hasSize(1);
        try (TestKafka kafka = TestKafka.connect()) {
            for (Topic<?> topic : Topics.ALL) {
                assertThat(kafka.recordsNow(topic.deadLetterTopic(), PublishedEvents.about(target)))
                        .as("dead letters in %s", topic.deadLetterTopic()).isEmpty();
            }
        }
    }

    private static List<String> incidentStatuses(TargetKey target) {
        return incidentsOf(target).stream().map(i -> (String) i.get("status")).toList();
    }

    /** The incidents about {@code target}, newest first. */
    private static List<Map<String, Object>> incidentsOf(TargetKey target) {
        return incidentRecords().queryParam("environment", target.environment())
                .queryParam("namespace", target.namespace()).queryParam("service", target.service())
                .get("/api/v1/incidents?limit=500").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The incident records API, as a team member reading them. */
    private static RequestSpecification incidentRecords() {
        return given().baseUri(rewind.url("postmortem-service")).auth().oauth2(TestTokens.token("rita", "viewer"));
    }

    private static Deployment deployment(TargetKey target) {
        return rewind.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).get();
    }

    private static ReplicaSet replicaSet(TargetKey target, String revision) {
        return rewind.sandbox.client().apps().replicaSets().inNamespace(target.namespace()).list().getItems()
                .stream().filter(rs -> revision.equals(rs.getMetadata().getAnnotations().get(DeploymentRevisions.REVISION)))
                .findFirst().orElseThrow();
    }

    private static String incidentStatus(TargetKey target) {
        return incidentStatuses(target).stream().findFirst().orElse("NONE");
    }

    private static JsonPath incident(TargetKey target) {
        Object id = incidentsOf(target).stream().findFirst().orElseThrow().get("id");
        return incidentRecords().get("/api/v1/incidents/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<RecordingHttpServer.Request> slackMessages(TargetKey target, int count) {
        String service = "*Service*: " + target.service();
        await().atMost(PATIENCE).until(() -> rewind.slack.requestsContaining(service).size() >= count);
        return rewind.slack.requestsContaining(service);
    }

    private static List<String> fields(RecordingHttpServer.Request message) {
        return tree(message.body()).at("/blocks/1/fields").findValuesAsText("text");
    }

    private static String header(RecordingHttpServer.Request message) {
        return tree(message.body()).at("/blocks/0/text/text").asText();
    }

    /** How many records of the target's alerts the detector consumed: one per delivery, re-sends included. */
    /**
     * The alerts about {@code target} on rewind.alerts that the detector applied (its inbox holds their ids): the
     * webhook publishes them straight to the topic, or through its outbox when the broker does not acknowledge.
     */
    private static long alertsConsumed(TargetKey target) throws Exception {
        List<String> ids;
        try (TestKafka kafka = TestKafka.connect()) {
            ids = kafka.recordsNow(Topics.ALERTS.name(), PublishedEvents.about(target)).stream()
                    .map(record -> TestKafka.header(record, CloudEventHeaders.ID)).toList();
        }
        try (Connection db = rewind.database(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM detector.processed_event WHERE event_id::text = ANY (?)")) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long rowsFor(String table, TargetKey target) throws Exception {
        return rowsFor(table, target, "true");
    }

    private static long rowsFor(String table, TargetKey target, String condition) throws Exception {
        try (Connection db = rewind.database(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE target = ? AND " + condition)) {
            query.setString(1, target.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
