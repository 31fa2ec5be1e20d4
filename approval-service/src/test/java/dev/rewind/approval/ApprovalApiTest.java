package dev.rewind.approval;

import static dev.rewind.approval.Requests.cooldownHold;
import static dev.rewind.approval.Requests.stored;
import static dev.rewind.approval.Requests.taken;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static dev.rewind.platform.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.Approval;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokens;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ApprovalApiTest extends KafkaClientTest {

    private static final String SERVICE = "approval-service";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Test
    void anOnCallEngineerApprovesAProductionP1AndTheRollbackIsCommanded() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, null);

        vote(request, "approve", token("alice", "oncall"), Map.of("reason", "5xx confirmed on the dashboard"))
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("approvedBy", equalTo(List.of("alice")))
                .body("repeated", equalTo(false));

        RollbackApproved command = assertCloudEvent(kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target)),
                Topics.ROLLBACK_COMMANDS, RollbackApproved.class, SERVICE);
        assertThat(command.requestId()).isEqualTo(request.requestId());
        assertThat(command.approvedBy()).containsExactly("alice");
        assertThat(command.release()).isEqualTo(request.release());
        ApprovalGranted granted = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalGranted.class)),
                Topics.INCIDENT_EVENTS, ApprovalGranted.class, SERVICE);
        assertThat(granted.automatic()).isFalse();
        assertThat(granted.approvedBy()).isEqualTo("alice");
        assertThat(granted.comment()).isEqualTo("5xx confirmed on the dashboard");
    }

    @Test
    void repeatingOnesApprovalChangesNothingAndCommandsOnce() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, null);
        String alice = token("alice", "oncall");

        vote(request, "approve", alice, Map.of()).statusCode(200).body("repeated", equalTo(false));
        vote(request, "approve", alice, Map.of()).statusCode(200).body("repeated", equalTo(true))
                .body("state", equalTo("APPROVED"));
        vote(request, "reject", alice, Map.of("reason", "changed my mind")).statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("already voted APPROVE"));

        assertThat(Requests.commandsFor(target)).isEqualTo(1);
    }

    @Test
    void twoSimultaneousApprovalsOfAOneApproverRequestCommandExactlyOnce() throws Exception {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, null);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // Hold the request's row so that both votes are waiting on it at once, then let them go together.
            Future<?> holder = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                ApprovalRequestRecord.locked(request.requestId());
                locked.countDown();
                awaitQuietly(release);
            }));
            locked.await();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String person : List.of("alice", "gina")) {
                statuses.add(pool.submit(() -> vote(request, "approve", token(person, "oncall"), Map.of())
                        .extract().statusCode()));
            }
            await().atMost(TestKafka.PATIENCE).until(() -> sessionsWaitingForALock() >= 2);
            release.countDown();
            holder.get();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).as("one approval lands, the other finds the request approved")
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(Requests.commandsFor(target)).isEqualTo(1);
    }

    @Test
    void aRequestPastItsExpiryTakesNoVoteEvenBeforeTheTimerClosesIt() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, null);
        QuarkusTransaction.requiringNew().run(() -> ApprovalRequestRecord.<ApprovalRequestRecord>findById(
                request.requestId()).expiresAt = Instant.now().minusSeconds(1));

        vote(request, "approve", token("alice", "oncall"), Map.of()).statusCode(409)
                .body("detail", containsString("expired"));
        assertThat(Requests.commandsFor(target)).isZero();
    }

    @Test
    void clientMistakesAreProblemsNamingWhatIsWrong() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, null);
        String alice = token("alice", "oncall");
        String url = "/api/v1/approvals/" + request.requestId() + "/reject";

        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{}").post("/api/v1/approvals/nope/approve")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("'id'"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"reason\": {}}").post(url).then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("[]").post(url).then()
                .statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(alice).contentType(ContentType.TEXT).body("because").post(url).then()
                .statusCode(415).contentType(PROBLEM);
        vote(request, "reject", alice, Map.of("reason", "x".repeat(5_000))).statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("reason")).body("detail", containsString("at most 2000"));
        given().auth().oauth2(alice).queryParam("limit", "abc").get("/api/v1/approvals").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("'limit'"));
        given().auth().oauth2(alice).queryParam("limit", "0").get("/api/v1/approvals").then().statusCode(400);
        given().auth().oauth2(alice).queryParam("environment", "Prod_1").get("/api/v1/approvals").then()
                .statusCode(400).body("detail", containsString("'environment'"));
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aP2NeedsATeamLeadAndAReviewerTwoDifferentPeople() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P2, null);

        vote(request, "approve", token("bob", "team-lead", "reviewer"), Map.of()).statusCode(200)
                .body("state", equalTo("PENDING")).body("stillNeeded", equalTo("1 of team-lead+reviewer"));
        vote(request, "approve", token("BOB", "reviewer"), Map.of()).statusCode(200)
                .body("repeated", equalTo(true)).body("state", equalTo("PENDING"));
        vote(request, "approve", token("carol", "reviewer"), Map.of()).statusCode(200)
                .body("state", equalTo("APPROVED")).body("approvedBy", equalTo(List.of("bob", "carol")));

        RollbackApproved command = assertCloudEvent(kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target)),
                Topics.ROLLBACK_COMMANDS, RollbackApproved.class, SERVICE);
        assertThat(command.approvedBy()).containsExactly("bob", "carol");
        ApprovalGranted granted = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalGranted.class)),
                Topics.INCIDENT_EVENTS, ApprovalGranted.class, SERVICE);
        assertThat(granted.approvals()).extracting(Approval::by, Approval::channel)
                .containsExactly(tuple("bob", "api"), tuple("carol", "api"));
    }

    @Test
    void aRejectionAfterOneOfTwoApprovalsCarriesThatApproval() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P2, null);

        vote(request, "approve", token("bob", "team-lead"), Map.of()).statusCode(200);
        vote(request, "reject", token("carol", "reviewer"), Map.of("reason", "fix forward: v1.3.1 is out"))
                .statusCode(200).body("state", equalTo("REJECTED"));

        ApprovalRejected rejected = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalRejected.class)),
                Topics.INCIDENT_EVENTS, ApprovalRejected.class, SERVICE);
        assertThat(rejected.channel()).isEqualTo("api");
        assertThat(rejected.approvals()).extracting(Approval::by, Approval::channel)
                .containsExactly(tuple("bob", "api"));
    }

    @Test
    void theDeployAuthorCannotApproveAndADeveloperMayNot() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, null);

        vote(request, "approve", token(Requests.DEPLOY_AUTHOR, "oncall"), Map.of()).statusCode(409)
                .contentType(PROBLEM).body("detail", containsString("cannot approve it"));
        vote(request, "approve", token("dan", "developer"), Map.of()).statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("needs the role oncall"));
        assertThat(stored(request.requestId()).state).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void eachPersonSeesWhatTheyMayDoOnARequestByTheVotingRules() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P2, null);
        String bob = token("bob", "team-lead");
        String path = "/api/v1/approvals/" + request.requestId();

        given().auth().oauth2(bob).get(path).then().statusCode(200)
                .body("yourVote.mayApprove", equalTo(true)).body("yourVote.mayReject", equalTo(true))
                .body("yourVote.whyNotApprove", nullValue());
        given().auth().oauth2(token(Requests.DEPLOY_AUTHOR, "team-lead")).get(path).then().statusCode(200)
                .body("yourVote.mayApprove", equalTo(false))
                .body("yourVote.whyNotApprove", containsString("cannot approve it"))
                .body("yourVote.mayReject", equalTo(false));
        vote(request, "approve", bob, Map.of()).statusCode(200);
        given().auth().oauth2(bob).get(path).then().statusCode(200)
                .body("yourVote.mayApprove", equalTo(false)).body("yourVote.whyNotApprove", equalTo("you approved already"))
                .body("yourVote.mayReject", equalTo(false))
                .body("yourVote.whyNotReject", containsString("already voted APPROVE"));
        given().auth().oauth2(token("carol", "reviewer")).get(path).then().statusCode(200)
                .body("yourVote.mayApprove", equalTo(true));
        assertThat(stored(request.requestId()).state).as("looking is not voting").isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheRequest() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P1, null);

        vote(request, "reject", token("alice", "oncall"), Map.of()).statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("reason"));
        vote(request, "reject", token("alice", "oncall"), Map.of("reason", "the spike is the load test"))
                .statusCode(200).body("state", equalTo("REJECTED"));
        vote(request, "approve", token("bob", "team-lead"), Map.of()).statusCode(409)
                .body("detail", containsString("already REJECTED"));

        ApprovalRejected rejected = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, ApprovalRejected.class)),
                Topics.INCIDENT_EVENTS, ApprovalRejected.class, SERVICE);
        assertThat(rejected.rejectedBy()).isEqualTo("alice");
        assertThat(rejected.reason()).isEqualTo("the spike is the load test");
        assertThat(kafka.recordsNow(Topics.ROLLBACK_COMMANDS.name(), about(target))).isEmpty();
    }

    @Test
    void aHeldRequestRunsOnlyAfterAnExplicitOverrideWithAReason() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P0, cooldownHold());
        String alice = token("alice", "oncall");

        vote(request, "approve", alice, Map.of()).statusCode(409).body("detail", containsString("override"));
        vote(request, "override", token("carol", "reviewer"), Map.of("reason", "go")).statusCode(403);
        vote(request, "override", alice, Map.of()).statusCode(422);
        vote(request, "override", alice, Map.of("reason", "the first rollback went to a bad revision too"))
                .statusCode(200).body("state", equalTo("APPROVED"));

        GuardOverridden overridden = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, GuardOverridden.class)),
                Topics.INCIDENT_EVENTS, GuardOverridden.class, SERVICE);
        assertThat(overridden.overriddenBy()).isEqualTo("alice");
        assertThat(overridden.code()).isEqualTo(DeclineReason.COOLDOWN);
        RollbackApproved command = assertCloudEvent(kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target)),
                Topics.ROLLBACK_COMMANDS, RollbackApproved.class, SERVICE);
        assertThat(command.overrides()).containsExactly(DeclineReason.COOLDOWN);
        given().auth().oauth2(alice).get("/api/v1/approvals/" + request.requestId()).then().statusCode(200)
                .body("votes.verdict", equalTo(List.of("OVERRIDE")))
                .body("votes.channel", equalTo(List.of("API")))
                .body("votes.roles", equalTo(List.of("oncall")))
                .body("votes.reason", equalTo(List.of("the first rollback went to a bad revision too")));
    }

    @Test
    void oneRequestWithItsEvidenceAndTheListFilteredByEnvironmentAndSeverity() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = taken(kafka, target, Severity.P3, null);
        String reviewer = token("carol", "reviewer");

        given().auth().oauth2(reviewer).get("/api/v1/approvals/" + request.requestId()).then().statusCode(200)
                .body("target", equalTo(target.toString()))
                .body("approvals", equalTo("team-lead+reviewer"))
                .body("excluded", equalTo(List.of("rewind-detector", "jane.dev")))
                .body("release.revision", equalTo(2))
                .body("rollbackTo.revision", equalTo(1))
                .body("evidence[0].observedValue", equalTo(0.12f))
                .body("evidence[0].threshold", equalTo(0.05f))
                .body("votes", equalTo(List.of()));
        given().auth().oauth2(reviewer).queryParam("environment", "production").queryParam("severity", "P3")
                .get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(request.requestId().toString()))
                .body("severity", not(hasItem("P1")));
        RollbackRequested held = taken(kafka, uniqueTarget("production"), Severity.P3, cooldownHold());
        given().auth().oauth2(reviewer).get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(held.requestId().toString())).body("id", hasItem(request.requestId().toString()));
        given().auth().oauth2(reviewer).queryParam("state", "HELD").get("/api/v1/approvals").then().statusCode(200)
                .body("id", hasItem(held.requestId().toString()))
                .body("id", not(hasItem(request.requestId().toString())));
        given().auth().oauth2(reviewer).queryParam("environment", "staging").get("/api/v1/approvals").then()
                .statusCode(200).body("id", not(hasItem(request.requestId().toString())));
        given().auth().oauth2(reviewer).queryParam("state", "maybe").get("/api/v1/approvals").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("'state'"));
        given().auth().oauth2(reviewer).get("/api/v1/approvals/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void tokensAreCheckedBeforeAnything() {
        String url = "/api/v1/approvals";
        given().get(url).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("bearer token"));
        given().auth().oauth2(TestTokens.expiredToken("alice", "oncall")).get(url).then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().oauth2(TestTokens.tokenFromIssuer("https://elsewhere.example", "alice", "oncall")).get(url)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.tokenSignedByStranger("alice", "oncall")).get(url).then().statusCode(401);
        given().auth().oauth2(TestTokens.tokenForAudience("billing", "alice", "oncall")).get(url).then()
                .statusCode(401);
        given().auth().oauth2("not-a-jwt").get(url).then().statusCode(401);
        given().auth().oauth2(token("mallory", "accounting")).get(url).then().statusCode(403)
                .contentType(PROBLEM).body("detail", containsString("none of the Rewind roles"));
        given().auth().oauth2(token("alice", "oncall")).get(url).then().statusCode(200);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/approvals/{id}/approve"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    private long sessionsWaitingForALock() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet waiting = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            waiting.next();
            return waiting.getLong(1);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ValidatableResponse vote(RollbackRequested request, String verdict, String token,
                                            Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/approvals/" + request.requestId() + "/" + verdict).then();
    }
}
