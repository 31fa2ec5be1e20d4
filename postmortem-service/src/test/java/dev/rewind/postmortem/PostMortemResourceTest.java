package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.domain.FixtureStory;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class PostMortemResourceTest extends KafkaClientTest {

    private static final String POSTMORTEM = "/api/v1/incidents/{id}/postmortem";

    @Test
    void theGeneratedPostMortemIsServedAsMarkdownOrJsonByAcceptOrFormat() {
        UUID incident = recoveredStory();

        String markdown = as("rita", "viewer").accept("text/markdown").get(POSTMORTEM, incident).then()
                .statusCode(200).contentType(startsWith("text/markdown")).header("ETag", "\"0\"")
                .extract().asString();
        assertThat(markdown).startsWith("# Post-Mortem: Production Rollback - 2026-11-15\n")
                .contains("**Duration**: 11m (14:23 to 14:34 UTC)", "## Timeline (UTC)\n- 14:23 - First alert",
                        "- Rolled back in 6m29s, within P1's 15-minute deadline");

        JsonPath json = as("rita", "viewer").accept(ContentType.JSON).get(POSTMORTEM, incident).then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(json.getString("summary.duration")).isEqualTo("PT11M");
        assertThat(json.getString("summary.severity")).isEqualTo("P1");
        assertThat(json.getBoolean("rootCause.generated")).isTrue();
        assertThat(json.getString("timeline[0].at")).isEqualTo("2026-11-15T14:23:00Z");

        as("rita", "viewer").accept("*/*").get(POSTMORTEM + "?format=json", incident).then()
                .statusCode(200).contentType(ContentType.JSON).body("incident", is("INCIDENT-123"));
        as("rita", "viewer").accept("*/*").get(POSTMORTEM, incident).then()
                .statusCode(200).contentType(startsWith("text/markdown"));
        as("rita", "viewer").accept("application/*").get(POSTMORTEM, incident).then()
                .statusCode(200).contentType(ContentType.JSON).body("incident", is("INCIDENT-123"));
        as("rita", "viewer").accept("text/*, application/*;q=0.5").get(POSTMORTEM, incident).then()
                .statusCode(200).contentType(startsWith("text/markdown"));
    }

    @Test
    void anEditorsEditIsKeptWithWhoAndWhenAndTheDocumentIsWrittenAgainWithIt() {
        UUID incident = recoveredStory();
        Instant before = Instant.now();

        Response edited = as("alice", "oncall").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("""
                        {"rootCause": "Database connection pool exhaustion in v1.3.0",
                         "actionItems": [{"text": "Add connection pool load tests", "owner": "@jane",
                                          "due": "2026-11-20"}]}""")
                .patch(POSTMORTEM, incident);
        edited.then().statusCode(200).header("ETag", "\"1\"").body("rootCause.editedBy", is("alice"))
                .body("rootCause.generated", is(false)).body("wentWell.generated", is(true));
        assertThat(Instant.parse(edited.jsonPath().getString("rootCause.editedAt"))).isAfterOrEqualTo(before);

        String markdown = as("rita", "viewer").get(POSTMORTEM, incident).then().statusCode(200)
                .header("ETag", "\"1\"").extract().asString();
        assertThat(markdown).contains("## Root Cause\n_Edited by alice at ")
                .contains("Database connection pool exhaustion in v1.3.0\n")
                .contains("- [ ] Add connection pool load tests (Owner: @jane, Due: 2026-11-20)\n");

        as("bob", "developer").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"reset\": [\"rootCause\"]}").patch(POSTMORTEM, incident).then()
                .statusCode(200).header("ETag", "\"2\"").body("rootCause.generated", is(true))
                .body("actionItems.editedBy", is("alice"));
    }

    @Test
    void anEditMadeOnAStaleRevisionIsRefusedAndNothingIsOverwritten() {
        UUID incident = recoveredStory();
        String first = "{\"rootCause\": \"first\"}";
        as("alice", "oncall").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(first)
                .patch(POSTMORTEM, incident).then().statusCode(200);

        as("bob", "oncall").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"rootCause\": \"second, on a stale copy\"}").patch(POSTMORTEM, incident).then()
                .statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("send If-Match: \"1\""));
        as("bob", "oncall").contentType(ContentType.JSON).body("{\"rootCause\": \"without If-Match\"}")
                .patch(POSTMORTEM, incident).then()
                .statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match is required"));

        as("rita", "viewer").accept(ContentType.JSON).get(POSTMORTEM, incident).then()
                .statusCode(200).body("rootCause.content", is("first")).body("revision", is(1));
    }

    @Test
    void twoEditsOfOneRevisionAtTheSameTimeLeaveOneAppliedAndOneRefusedTheFirstEditIncluded() throws Exception {
        UUID incident = recoveredStory();
        ExecutorService editors = Executors.newFixedThreadPool(2);
        try {
            for (int revision = 0; revision < 4; revision++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> edits = new ArrayList<>();
                for (String name : List.of("alice", "bob")) {
                    String etag = "\"" + revision + "\"";
                    edits.add(editors.submit(() -> {
                        start.await();
                        return as(name, "oncall").contentType(ContentType.JSON).header("If-Match", etag)
                                .body("{\"rootCause\": \"" + name + "\"}").patch(POSTMORTEM, incident).statusCode();
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> edit : edits) {
                    statuses.add(edit.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("edits on revision %d", revision).containsExactlyInAnyOrder(200, 412);
            }
        } finally {
            editors.shutdownNow();
        }
        as("rita", "viewer").accept(ContentType.JSON).get(POSTMORTEM, incident).then().body("revision", is(4));
    }

    @Test
    void anInvalidEditIsABadRequestNamingTheField() {
        UUID incident = recoveredStory();
        editor().body("{\"actionItems\": [{\"text\": \"x\", \"owner\": \"jane\", \"due\": \"2026-13-01\"}]}")
                .patch(POSTMORTEM, incident).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("actionItems[0].due"))
                .body("violations.message", hasItem("must be a day such as 2026-11-20, got \"2026-13-01\""));
        editor().body("{\"actionItems\": [{\"text\": \"x\", \"owner\": \"jane smith\", \"due\": \"2026-11-20\"}]}")
                .patch(POSTMORTEM, incident).then().statusCode(400)
                .body("violations.field", hasItem("actionItems[0].owner"));
        editor().body("{\"actionItems\": [{\"text\": \"x\", \"owner\": \"jane\", \"due\": \"2026-11-01\"}]}")
                .patch(POSTMORTEM, incident).then().statusCode(400)
                .body("violations.field", hasItem("actionItems[0].due"))
                .body("detail", containsString("must not be before the incident's date, 2026-11-15"));
        editor().body("{\"rootCause\": \"" + "x".repeat(20_001) + "\"}").patch(POSTMORTEM, incident).then()
                .statusCode(400).body("violations.field", hasItem("rootCause"));
        editor().body("{\"wentWell\": [\"two\\nlines\"]}").patch(POSTMORTEM, incident).then()
                .statusCode(400).body("violations.field", hasItem("wentWell[0]"));
        editor().body("{\"reset\": [\"summary\"]}").patch(POSTMORTEM, incident).then()
                .statusCode(400).body("violations.field", hasItem("reset[0]"));
        editor().body("{\"rootcause\": \"misspelt\", \"impact\": \"12% of requests\"}").patch(POSTMORTEM, incident)
                .then().statusCode(400).body("violations.field", hasItem("rootcause"));
        editor().body("{}").patch(POSTMORTEM, incident).then()
                .statusCode(400).body("detail", containsString("the edit changes nothing"));
        as("rita", "viewer").get(POSTMORTEM + "?format=html", incident).then()
                .statusCode(400).body("violations.field", hasItem("format"));
        as("rita", "viewer").accept(ContentType.JSON).get(POSTMORTEM, incident).then()
                .statusCode(200).body("revision", is(0));
    }

    @Test
    void readingNeedsATokenWithAReadRoleAndEditingAnEditRole() {
        UUID incident = recoveredStory();
        given().get(POSTMORTEM, incident).then().statusCode(401).contentType("application/problem+json");
        as("mallory", "intern").get(POSTMORTEM, incident).then().statusCode(403)
                .contentType("application/problem+json");
        as("rita", "viewer").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"rootCause\": \"a viewer's guess\"}").patch(POSTMORTEM, incident).then()
                .statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"rootCause\": \"anyone\"}")
                .patch(POSTMORTEM, incident).then().statusCode(401);
    }

    @Test
    void anUnknownIncidentIsNotFoundAndAMalformedReferenceABadRequest() {
        as("rita", "viewer").accept("text/markdown").get(POSTMORTEM, UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no incident"));
        editor().body("{\"rootCause\": \"x\"}").patch(POSTMORTEM, UUID.randomUUID()).then().statusCode(404);
        as("rita", "viewer").get(POSTMORTEM, "not-an-incident").then().statusCode(400)
                .body("detail", containsString("'id' must be an incident UUID or number"));
    }

    /** The fixtures' INCIDENT-123 again, under a new id and a target of its own, recorded from Kafka. */
    private static UUID recoveredStory() {
        UUID incident = UUID.randomUUID();
        TargetKey target = uniqueTarget("production");
        for (String type : FixtureStory.RECOVERED) {
            String json = EventFixtures.json(type).replace(FixtureStory.INCIDENT.toString(), incident.toString())
                    .replace("production/payments/checkout", target.toString());
            if (Topics.ROLLBACK_REQUESTS.types().contains(type)) {
                kafka.send(Topics.ROLLBACK_REQUESTS, Topics.ROLLBACK_REQUESTS.parse(type, json));
            } else {
                kafka.send(Topics.INCIDENT_EVENTS, Topics.INCIDENT_EVENTS.parse(type, json));
            }
        }
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TimelineEntryRecord.of(incident)).size() == FixtureStory.RECOVERED.size());
        return incident;
    }

    private static RequestSpecification editor() {
        return as("alice", "oncall").contentType(ContentType.JSON).header("If-Match", "*");
    }

    private static RequestSpecification as(String name, String role) {
        return given().auth().oauth2(TestTokens.token(name, role));
    }
}
