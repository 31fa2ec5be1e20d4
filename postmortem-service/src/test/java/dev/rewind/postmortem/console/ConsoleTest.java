package dev.rewind.postmortem.console;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console over a real broker and database: the development sign-in and its session, the live list and its feed,
 * an incident's page, and editing its post-mortem. The approvals page is proven in the browser tests, beside a real
 * approval service.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
@WithTestResource(DevSignInTestResource.class)
class ConsoleTest extends KafkaClientTest {

    @TestHTTPResource("/console/events")
    URI events;

    @Test
    void signingInLocallyGivesASessionThatOpensTheConsole() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", containsString("/console/sign-in"));
        given().get("/console/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("DEVELOPMENT SIGN-IN"));

        Response signedIn = given().redirects().follow(false).formParam("name", "alice").formParam("role", "oncall")
                .formParam("role", "developer").post("/console/sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/console");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).contains(DevSession.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");

        String page = given().cookie(DevSession.COOKIE, signedIn.cookie(DevSession.COOKIE)).get("/console").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("<span id=\"signed-in-as\">alice</span>", "developer, oncall",
                "DEVELOPMENT SIGN-IN", "sse-connect=\"/console/events\"");
    }

    @Test
    void aSignInWithoutANameOrWithUnknownRolesSaysWhatIsWrong() {
        given().formParam("name", "").formParam("role", "oncall").post("/console/sign-in").then().statusCode(400)
                .body(containsString("name: letters, digits"));
        given().formParam("name", "bob").post("/console/sign-in").then().statusCode(400)
                .body(containsString("roles: choose at least one"));
        given().formParam("name", "bob").formParam("role", "root").post("/console/sign-in").then().statusCode(400)
                .body(containsString("roles: &#39;root&#39; is not one of"));
        given().contentType("application/x-www-form-urlencoded").body("name=%ZZ&role=oncall").post("/console/sign-in")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid URL encoding"));
    }

    @Test
    void anExpiredOrForgedSessionIsSentBackToSignInAndNoSessionOpensTheApi() {
        // a request of the page's script gets a 401 instead, which the page shows without losing what was typed
        for (String session : List.of(TestTokens.expiredToken("alice", "oncall"),
                TestTokens.tokenSignedByStranger("alice", "oncall"), "not-a-token",
                TestTokens.token("alice", "oncall"))) { // the last: a valid bearer token, but no session
            given().redirects().follow(false).cookie(DevSession.COOKIE, session).get("/console").then()
                    .statusCode(302).header("Location", containsString("/console/sign-in"));
        }
        given().redirects().follow(false).cookie(DevSession.COOKIE, "not-a-token").header("HX-Request", "true")
                .get("/console/rows").then().statusCode(401);
        given().cookie(DevSession.COOKIE, session("alice", "oncall")).get("/api/v1/incidents").then()
                .statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("alice", "oncall")).get("/api/v1/incidents").then().statusCode(200);
    }

    @Test
    void theListShowsEachIncidentsSeverityStatusAndDeadlineAndFiltersThem() {
        TargetKey target = uniqueTarget("production");
        UUID incident = UUID.randomUUID();
        Instant detected = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P0, detected));
        awaitTimeline(incident, 1);

        String rows = as("rita", "viewer").queryParam("service", target.service()).get("/console/rows")
                .then().statusCode(200).extract().asString();
        assertThat(rows).contains("id=\"incident-" + incident + "\"", "sev-P0", target.toString(), "open")
                .contains("deadline overdue", "overdue 5m");
        as("rita", "viewer").queryParam("service", target.service()).queryParam("severity", "P3")
                .get("/console/rows").then().statusCode(200)
                .body(not(containsString(incident.toString())), containsString("No incidents match"));
        as("rita", "viewer").queryParam("severity", "P9").get("/console/rows").then().statusCode(200)
                .body(containsString("severity: "));
        as("mallory", "intern").get("/console").then().statusCode(403);
    }

    @Test
    void theLiveFeedTellsEveryOpenConsoleOfAnIncidentOnceItIsRecorded() throws Exception {
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Cookie", DevSession.COOKIE + "=" + session("rita", "viewer"))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> answer.body().forEach(lines::add));
        await().atMost(TestKafka.PATIENCE).until(response::isDone);
        assertThat(response.get().statusCode()).isEqualTo(200);

        TargetKey target = uniqueTarget("staging");
        UUID incident = UUID.randomUUID();
        await().atMost(TestKafka.PATIENCE).untilAsserted(() -> {
            // the console's consumer starts at the newest record: send until it has joined and heard one
            kafka.send(Topics.INCIDENT_EVENTS, opened(incident, target, Severity.P1, Instant.now()));
            await().atMost(java.time.Duration.ofSeconds(5)).until(() -> lines.contains("data:" + incident));
        });
        assertThat(lines).contains("event:incident");
        response.get().body().close();
    }

    @Test
    void anIncidentsPageShowsItsTimelineWithTheTimeBetweenMomentsAndItsPostMortem() {
        TargetKey target = uniqueTarget("production");
        UUID incident = recordedRollback(target);

        String page = as("rita", "viewer").get("/console/incidents/{id}", incident).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("Incident 4711: " + target, "rolled back", "<strong>opened</strong>",
                "<strong>approved</strong>", "<strong>started</strong>", "<strong>succeeded</strong>",
                "+1m 00s later", "T+4m 29s", "to approve 1m 00s", "rollout 3m 29s", "v1.3.0 → v1.2.5",
                "id=\"postmortem-text\"", ">Timeline</h2>");
        assertThat(page).as("a viewer sees no editor").doesNotContain("Save the post-mortem");
        assertThat(as("ed", "developer").get("/console/incidents/4711").then().statusCode(200).extract().asString())
                .contains("Save the post-mortem");
        as("rita", "viewer").get("/console/incidents/not-one").then().statusCode(400);
        as("rita", "viewer").get("/console/incidents/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anEditorEditsThePostMortemAndAStaleEditKeepsTheirTextAndSavesNothing() {
        UUID incident = recordedRollback(uniqueTarget("production"));
        String path = "/console/incidents/" + incident + "/postmortem";

        String saved = as("ed", "developer").header("HX-Request", "true").formParam("revision", 0)
                .formParam("rootCause", "The v1.3.0 config turned <script>alert(1)</script> the cache off.")
                .formParam("actionItems", "Alert on cache misses | @ed | 2030-01-15")
                .post(path).then().statusCode(200).extract().asString();
        assertThat(saved).contains("id=\"postmortem-saved\"", "the cache off",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "Alert on cache misses").doesNotContain("<script>alert");

        String stale = as("jo", "oncall").header("HX-Request", "true").formParam("revision", 0)
                .formParam("rootCause", "Jo's different root cause").post(path).then().statusCode(200).extract()
                .asString();
        assertThat(stale).contains("Someone edited the post-mortem since you opened it", "Jo&#39;s different root cause")
                .doesNotContain("postmortem-saved");

        as("ed", "developer").header("HX-Request", "true").formParam("revision", 1)
                .formParam("actionItems", "no owner here").post(path).then().statusCode(200)
                .body(containsString("action item 1: write it as text | @owner | 2026-12-01"));
        as("ed", "developer").formParam("revision", 1).formParam("rootCause", "forged").post(path).then()
                .statusCode(403);
        as("rita", "viewer").header("HX-Request", "true").formParam("revision", 1).formParam("rootCause", "x")
                .post(path).then().statusCode(403);
    }

    @Test
    void theStatisticsPageChartsEachServiceAndListsTheFigures() {
        TargetKey target = uniqueTarget("production");
        recordedRollback(target);
        String page = as("rita", "viewer").queryParam("days", 7).get("/console/statistics").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<svg class=\"chart\"", "Success rate", "Median time to roll back",
                target.environment() + "/" + target.namespace() + "/" + target.service(), "id=\"statistics-table\"");
    }

    private static RequestSpecification as(String name, String... roles) {
        return given().redirects().follow(false).cookie(DevSession.COOKIE, session(name, roles));
    }

    /** A development session, as the sign-in mints it. */
    private static String session(String name, String... roles) {
        return TestTokens.tokenWithClaim(DevSessionTokens.CLAIM, true, name, roles);
    }

    /** An incident detected, approved a minute later, rolled back from v1.3.0 to v1.2.5 in 3m 29s. */
    private UUID recordedRollback(TargetKey target) {
        UUID incident = UUID.randomUUID();
        Instant t0 = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentOpened(incident, 4711L, target, Severity.P1, Signal.ERROR_RATE,
                "5xx rate 12.4% above 5% after v1.3.0", "v1.3.0", t0));
        kafka.send(Topics.INCIDENT_EVENTS, new ApprovalGranted(incident, target, UUID.randomUUID(), "jo", false,
                null, List.of(), t0.plusSeconds(60)));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackStarted(incident, target, UUID.randomUUID(),
                RollbackMethod.KUBECTL, 2L, 1L, "v1.3.0", "v1.2.5", t0.plusSeconds(60)));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(incident, target, UUID.randomUUID(),
                RollbackMethod.KUBECTL, "v1.3.0", "v1.2.5", "deployment successfully rolled out",
                t0.plusSeconds(269)));
        awaitTimeline(incident, 4);
        return incident;
    }

    private static IncidentOpened opened(UUID incident, TargetKey target, Severity severity, Instant at) {
        IncidentOpened f = EventFixtures.event(IncidentOpened.class);
        return new IncidentOpened(incident, f.incidentNumber(), target, severity, Signal.ERROR_RATE, f.reason(),
                f.version(), at);
    }

    private static void awaitTimeline(UUID incident, int entries) {
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TimelineEntryRecord.of(incident).size()) >= entries);
    }
}
