package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.persistence.ChecklistItemRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ChecklistApiTest extends KafkaClientTest {

    @Test
    void theChecklistStartsWhenTheRollbackCompletesWithWhatRewindDidCheckedAndDueTimesFromThere() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant completed = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        RollbackSucceeded succeeded = rolledBack(incident, target, completed.minusSeconds(300), completed);
        kafka.send(Topics.INCIDENT_EVENTS, new NotificationDelivered(incident, target, "statuspage", UUID.randomUUID(),
                "dev.rewind.rollback.succeeded.v1", "rollback-succeeded", "Status page incident resolved (Statuspage)",
                completed.plusSeconds(2)));
        await().atMost(TestKafka.PATIENCE).until(() -> timeline(incident).size() == 3);

        JsonPath checklist = reader().get("/api/v1/incidents/{id}/checklist", incident).then().statusCode(200)
                .extract().jsonPath();

        assertThat(checklist.getString("startedAt")).isEqualTo(succeeded.occurredAt().toString());
        assertThat(checklist.getList("items")).hasSize(17);
        assertThat(checklist.getInt("overdue")).isZero();
        Map<String, Object> statusPage = item(checklist, "update-status-page");
        assertThat(statusPage).containsEntry("checked", true).containsEntry("how", "AUTOMATIC")
                .containsEntry("by", "rewind").containsEntry("at", completed.plusSeconds(2).toString())
                .containsEntry("note", "Status page incident resolved (Statuspage)")
                .containsEntry("phase", "immediate");
        assertThat(item(checklist, "confirm-database-connections")).containsEntry("checked", false)
                .containsEntry("how", "OPEN").containsEntry("automaticRule", null)
                .containsEntry("dueAt", completed.plus(Duration.ofMinutes(5)).toString())
                .containsEntry("overdue", false);
        assertThat(item(checklist, "complete-post-mortem"))
                .containsEntry("dueAt", completed.plus(Duration.ofHours(24)).toString());
    }

    @Test
    void anEditorChecksAndUnchecksAnItemWithANoteAndTheOverdueListingFollows() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant completed = Instant.now().minus(Duration.ofHours(1));
        rolledBack(incident, target, completed.minusSeconds(300), completed);
        await().atMost(TestKafka.PATIENCE).until(() -> items(incident).size() == 17);
        assertThat(overdueKeys(target)).contains("confirm-database-connections", "update-runbook")
                .doesNotContain("verify-application-responding", "complete-post-mortem");

        editor().contentType(ContentType.JSON).body(Map.of("checked", true, "note", "pgbouncer pool back to 40"))
                .put("/api/v1/incidents/{id}/checklist/confirm-database-connections", incident).then()
                .statusCode(200)
                .body("checked", is(true)).body("how", is("PERSON")).body("by", is("alice"))
                .body("note", is("pgbouncer pool back to 40")).body("overdue", is(false));
        assertThat(overdueKeys(target)).doesNotContain("confirm-database-connections").contains("update-runbook");

        editor().contentType(ContentType.JSON).body(Map.of("checked", false, "note", "connections dropping again"))
                .put("/api/v1/incidents/{id}/checklist/confirm-database-connections", incident).then()
                .statusCode(200).body("checked", is(false)).body("overdue", is(true));
        assertThat(overdueKeys(target)).contains("confirm-database-connections");
        JsonPath checklist = reader().get("/api/v1/incidents/{id}/checklist", incident).then().statusCode(200)
                .extract().jsonPath();
        assertThat(item(checklist, "confirm-database-connections")).containsEntry("by", "alice")
                .containsEntry("note", "connections dropping again");
    }

    @Test
    void writingTheRootCauseAndActionItemsInThePostMortemChecksThoseItemsForTheirAuthor() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant completed = Instant.now().minusSeconds(60);
        rolledBack(incident, target, completed.minusSeconds(300), completed);
        await().atMost(TestKafka.PATIENCE).until(() -> items(incident).size() == 17);

        editor().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("rootCause", "connection pool exhaustion: v1.3.0 dropped the pool's limit",
                        "actionItems", List.of(Map.of("text", "Add connection pool load tests", "owner", "jane",
                                "due", completed.plus(Duration.ofDays(5)).toString().substring(0, 10)))))
                .patch("/api/v1/incidents/{id}/postmortem", incident).then().statusCode(200);

        JsonPath checklist = reader().get("/api/v1/incidents/{id}/checklist", incident).then().statusCode(200)
                .extract().jsonPath();
        assertThat(item(checklist, "document-root-cause")).containsEntry("checked", true)
                .containsEntry("how", "PERSON").containsEntry("by", "alice")
                .containsEntry("note", "root cause written in the post-mortem");
        assertThat(item(checklist, "identify-prevention-measures")).containsEntry("checked", true)
                .containsEntry("by", "alice");
        assertThat(item(checklist, "complete-post-mortem")).containsEntry("checked", false);
    }

    @Test
    void badMarksAreRefusedNamingWhatIsWrong() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        rolledBack(incident, target, Instant.now().minusSeconds(120), Instant.now().minusSeconds(60));
        UUID open = UUID.randomUUID();
        kafka.send(Topics.INCIDENT_EVENTS, opened(open, uniqueTarget("production"), Instant.now()));
        await().atMost(TestKafka.PATIENCE).until(() -> items(incident).size() == 17 && timeline(open).size() == 1);
        String path = "/api/v1/incidents/{id}/checklist/{item}";

        editor().contentType(ContentType.JSON).body(Map.of("checked", false)).put(path, incident, "update-runbook")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("note")).body("detail", containsString("note"));
        editor().contentType(ContentType.JSON).body(Map.of("note", "done")).put(path, incident, "update-runbook")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("checked"));
        editor().contentType(ContentType.JSON).body(Map.of("checked", true, "note", "x".repeat(2001)))
                .put(path, incident, "update-runbook").then().statusCode(400)
                .body("violations[0].field", containsString("note"));
        editor().contentType(ContentType.JSON).body(Map.of("checked", true)).put(path, incident, "water-the-plants")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("'item'")).body("detail", containsString("update-status-page"));
        editor().contentType(ContentType.JSON).body(Map.of("checked", true)).put(path, open, "update-runbook")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("starts when the rollback completes"));
        given().auth().oauth2(TestTokens.token("vera.viewer", "viewer")).contentType(ContentType.JSON)
                .body(Map.of("checked", true)).put(path, incident, "update-runbook").then().statusCode(403)
                .contentType("application/problem+json");
        reader().get("/api/v1/incidents/{id}/checklist", open).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("OPEN"));
        reader().get("/api/v1/checklist/overdue?limit=0").then().statusCode(400)
                .body("violations[0].field", containsString("limit"));
        reader().get("/api/v1/checklist/overdue?environment=Prod!").then().statusCode(400)
                .body("violations[0].field", containsString("environment"));
    }

    @Test
    void aBadOverdueQueryIsABadRequestNamingEachParameterAtFault() {
        reader().get("/api/v1/checklist/overdue?limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("limit"))
                .body("violations[0].in", is("query"))
                .body("detail", containsString("limit: must be a whole number from 1 to 1000, got 'abc'"));
        reader().get("/api/v1/checklist/overdue?enviroment=production").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("enviroment"))
                .body("detail", containsString("is not a parameter of this endpoint"));
        reader().get("/api/v1/checklist/overdue?service=checkout,Pay_ments&limit=1001").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItems("service", "limit"))
                .body("detail", containsString("got 'Pay_ments'"));
    }

    @Test
    void theOverdueListingTakesRepeatedParametersAndCommaLists() {
        TargetKey first = uniqueTarget("production");
        TargetKey second = uniqueTarget("production");
        UUID firstIncident = UUID.randomUUID();
        UUID secondIncident = UUID.randomUUID();
        Instant completed = Instant.now().minus(Duration.ofHours(1));
        rolledBack(firstIncident, first, completed.minusSeconds(300), completed);
        rolledBack(secondIncident, second, completed.minusSeconds(300), completed);
        await().atMost(TestKafka.PATIENCE).until(() -> items(firstIncident).size() == 17
                && items(secondIncident).size() == 17);

        List<String> commaList = reader().get("/api/v1/checklist/overdue?service={a},{b}", first.service(),
                second.service()).then().statusCode(200).extract().jsonPath().getList("incidentId");
        List<String> repeated = reader().get("/api/v1/checklist/overdue?service={a}&service={b}&environment=production,"
                + "staging", first.service(), second.service()).then().statusCode(200).extract().jsonPath()
                .getList("incidentId");

        assertThat(commaList).containsOnly(firstIncident.toString(), secondIncident.toString())
                .containsAll(List.of(firstIncident.toString(), secondIncident.toString()));
        assertThat(repeated).containsExactlyElementsOf(commaList);
        assertThat(reader().get("/api/v1/checklist/overdue?service={a},{b}&limit=3", first.service(),
                second.service()).then().statusCode(200).extract().jsonPath().getList("item")).hasSize(3);
    }

    private static RollbackSucceeded rolledBack(UUID incident, TargetKey target, Instant openedAt, Instant at) {
        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, openedAt));
        RollbackSucceeded succeeded = new RollbackSucceeded(incident, target, UUID.randomUUID(), RollbackMethod.KUBECTL,
                "v1.3.0", "v1.2.5", "rolled out", new Release(2, Map.of(target.service(),
                "registry.example/" + target.service() + ":v1.3.0")), at);
        kafka.send(Topics.INCIDENT_EVENTS, succeeded);
        return succeeded;
    }

    static IncidentOpened opened(UUID incident, TargetKey target, Instant at) {
        return new IncidentOpened(incident, 123L, target, Severity.P1, Signal.ERROR_RATE, "12% 5xx", "v1.3.0", at);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(JsonPath checklist, String key) {
        List<Map<String, Object>> items = checklist.getList("items");
        return items.stream().filter(item -> key.equals(item.get("item"))).findFirst().orElseThrow();
    }

    private static List<String> overdueKeys(TargetKey target) {
        return reader().get("/api/v1/checklist/overdue?environment={e}&service={s}", target.environment(),
                target.service()).then().statusCode(200).extract().jsonPath().getList("item");
    }

    static List<TimelineEntryRecord> timeline(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntryRecord.of(incident));
    }

    static List<ChecklistItemRecord> items(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> ChecklistItemRecord.list("incidentId", incident));
    }

    static RequestSpecification reader() {
        return given().auth().oauth2(TestTokens.token("rita.reader", "viewer"));
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.token("alice", "oncall"));
    }
}
