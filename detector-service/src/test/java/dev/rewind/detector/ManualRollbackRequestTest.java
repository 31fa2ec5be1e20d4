package dev.rewind.detector;

import static dev.rewind.detector.Detections.deploy;
import static dev.rewind.detector.Detections.request;
import static dev.rewind.detector.Detections.rollbackRequests;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.EventJson;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** People ask for a rollback with POST /api/v1/rollbacks: a request like the detector's, in the token user's name. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
@WithTestResource(TestTokensResource.class)
class ManualRollbackRequestTest extends KafkaClientTest {

    private static final String URL = "/api/v1/rollbacks";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void requestsARollbackInTheTokenUsersNameOfTheReleaseReadFromTheCluster() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2", "v3");
        Map<String, Object> body = body(target);
        body.put("requestedBy", "mallory"); // never taken from the body

        ValidatableResponse answer = post(TestTokens.token("alice", "oncall"), body).statusCode(202);

        RollbackRequested request = request(kafka, target, 1);
        assertThat(request.requestedBy()).isEqualTo("alice");
        assertThat(request.mode()).isEqualTo(ExecutionMode.MANUAL);
        assertThat(request.signal()).isEqualTo(Signal.UNKNOWN);
        assertThat(request.severity()).isEqualTo(Severity.P1);
        assertThat(request.reason()).contains("alice").contains("checkout errors since the 14:20 deploy");
        assertThat(request.release().revision()).isEqualTo(3);
        assertThat(request.release().images().get(target.service())).endsWith(":v3");
        assertThat(request.rollbackTo().images().get(target.service())).endsWith(":v2");
        assertThat(request.toRevision()).isNull();
        assertThat(request.hold()).isNull();
        answer.body("incidentId", is(request.incidentId().toString()))
                .body("incidentNumber", is((int) request.incidentNumber()))
                .body("requestId", is(request.requestId().toString()));
        IncidentOpened opened = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, IncidentOpened.class)).value(), IncidentOpened.class);
        assertThat(opened.incidentId()).isEqualTo(request.incidentId());
    }

    @Test
    void returnsToTheEarlierRevisionAsked() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2", "v3");
        Map<String, Object> body = body(target);
        body.put("toRevision", 1);

        post(TestTokens.token("alice", "team-lead"), body).statusCode(202);

        RollbackRequested request = request(kafka, target, 1);
        assertThat(request.toRevision()).isEqualTo(1);
        assertThat(request.rollbackTo().revision()).isEqualTo(1);
        assertThat(request.rollbackTo().images().get(target.service())).endsWith(":v1");
    }

    @Test
    void refusesARevisionTheDeploymentDoesNotHaveOrRuns() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        Map<String, Object> body = body(target);

        body.put("toRevision", 7);
        post(TestTokens.token("alice", "oncall"), body).statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", is("toRevision"))
                .body("violations[0].message", containsString("revision 7 is not earlier than revision 2"));
        body.put("toRevision", 2);
        post(TestTokens.token("alice", "oncall"), body).statusCode(422)
                .body("violations[0].field", is("toRevision"));

        assertThat(rollbackRequests(target)).isZero();
        post(TestTokens.token("alice", "oncall"), body(target)).statusCode(202); // and no incident was left open
    }

    @Test
    void aTargetWithAnOpenIncidentIsAConflictNamingIt() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        int first = post(TestTokens.token("alice", "oncall"), body(target)).statusCode(202)
                .extract().path("incidentNumber");

        post(TestTokens.token("olivia", "oncall"), body(target)).statusCode(409).contentType(PROBLEM)
                .body("incidentNumber", is(first))
                .body("detail", containsString("already has an open incident, INCIDENT-" + first));

        assertThat(rollbackRequests(target)).isEqualTo(1);
    }

    @Test
    void requestsAtTheSameMomentOpenOneIncident() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        String token = TestTokens.token("alice", "oncall");

        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        post(token, body(target)).extract().statusCode()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(202, 409).containsOnlyOnce(202);
        assertThat(rollbackRequests(target)).isEqualTo(1);
    }

    @Test
    void aTargetWhoseDeploymentCannotBeReadIsRefusedAndNothingPublished() {
        TargetKey target = uniqueTarget("production"); // never deployed

        post(TestTokens.token("alice", "oncall"), body(target)).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("deployment " + target.namespace() + "/" + target.service()
                        + " not found"));

        assertThat(rollbackRequests(target)).isZero();
    }

    @Test
    void aGuardsDeclineBecomesARequestOnHold() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        post(TestTokens.token("alice", "oncall"), body(target)).statusCode(202);
        Detections.rolledBack(kafka, request(kafka, target, 1), Instant.now()); // within the cooldown

        post(TestTokens.token("alice", "oncall"), body(target)).statusCode(202);

        RollbackRequested held = request(kafka, target, 2);
        assertThat(held.hold()).isNotNull();
        assertThat(held.hold().code()).isEqualTo(DeclineReason.COOLDOWN);
        assertThat(held.requestedBy()).isEqualTo("alice");
        RollbackDeclined declined = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackDeclined.class)).value(), RollbackDeclined.class);
        assertThat(declined.incidentId()).isEqualTo(held.incidentId());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");
        String key = UUID.randomUUID().toString();
        String token = TestTokens.token("alice", "oncall");

        String firstRequest = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body(body(target)).post(URL).then().statusCode(202).extract().path("requestId");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .body(body(target)).post(URL).then().statusCode(202).body("requestId", is(firstRequest));

        assertThat(rollbackRequests(target)).isEqualTo(1);
        Map<String, Object> other = body(target);
        other.put("severity", "P0");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json").body(other)
                .post(URL).then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("use a new key for a new request"));
    }

    @Test
    void aBearerTokenIsRequired() {
        TargetKey target = uniqueTarget("production");
        given().contentType("application/json").body(body(target)).post(URL).then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        given().contentType("application/json").body("{}").post(URL).then().statusCode(401); // before the body
        post(TestTokens.expiredToken("alice", "oncall"), body(target)).statusCode(401);
        post(TestTokens.tokenSignedByStranger("alice", "oncall"), body(target)).statusCode(401);
        post("not-a-jwt", body(target)).statusCode(401);
    }

    @Test
    void aTokenWithoutAnAllowedRoleIsForbidden() {
        TargetKey target = uniqueTarget("production");
        deploy(target, "v1", "v2");

        post(TestTokens.token("dave", "developer"), body(target)).statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("dave's token holds none of the Rewind roles [oncall, team-lead]"));

        assertThat(rollbackRequests(target)).isZero();
    }

    @Test
    void eachBadFieldIsNamed() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", "Production");
        body.put("service", "");
        body.put("reason", " ");
        body.put("toRevision", 0);

        post(TestTokens.token("alice", "oncall"), body).statusCode(400).contentType(PROBLEM)
                .body("violations.field", containsInAnyOrder("environment", "namespace", "service", "reason",
                        "severity", "toRevision"));
    }

    @Test
    void anUnknownSeverityIsNamed() {
        Map<String, Object> body = body(uniqueTarget("production"));
        body.put("severity", "P9");

        post(TestTokens.token("alice", "oncall"), body).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("severity"))
                .body("violations[0].message", containsString("must be one of P0, P1, P2, P3"));
    }

    @Test
    void anEnvironmentOrNamespaceOutsideTheConfigurationIsRefusedNamingTheField() {
        TargetKey target = uniqueTarget("production");
        post(TestTokens.token("alice", "oncall"), body(new TargetKey("moon", target.namespace(), target.service())))
                .statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", is("environment"))
                .body("violations[0].message", containsString("environment 'moon' is not configured"));
        post(TestTokens.token("alice", "oncall"), body(new TargetKey("production", "shop", target.service())))
                .statusCode(422).body("violations[0].field", is("namespace"))
                .body("violations[0].message", containsString("namespace 'shop' does not belong"));
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(URL).then();
    }

    private static Map<String, Object> body(TargetKey target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environment", target.environment());
        body.put("namespace", target.namespace());
        body.put("service", target.service());
        body.put("reason", "checkout errors since the 14:20 deploy");
        body.put("severity", "P1");
        return body;
    }
}
