package dev.rewind.approval.slack;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.RecordingHttpServer;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** People vote in Slack through the signed interaction endpoint, under the same rules as the API. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class SlackInteractionTest extends KafkaClientTest {

    private static final String PATH = "/api/v1/slack/interactions";
    /** The %test profile's Slack app: its signing secret and its mapped users. */
    private static final String SIGNING_SECRET = "test-signing-secret-not-a-real-one";
    /** Olivia is on call. */
    private static final String ONCALL = "U0ONCALL01";
    /** Dave is a developer: no role that approves. */
    private static final String DEVELOPER = "U0DEVELOP1";
    /** Jane deployed the release the test requests judge bad. */
    private static final String DEPLOY_AUTHOR = "U0JANEDEV1";

    /** Stands in for Slack's response_urls; the %test profile allows replies to any local port. */
    private static RecordingHttpServer slack;

    @BeforeAll
    static void startSlack() {
        slack = RecordingHttpServer.start();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void anOnCallEngineerApprovesAProductionP0InSlackAndTheRollbackIsCommanded() throws Exception {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = pending(target, Severity.P0);
        String responseUrl = responseUrl(request);

        press(ONCALL, ButtonPress.APPROVE, request, null, responseUrl).statusCode(200);

        RollbackApproved command = assertCloudEvent(kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target)),
                Topics.ROLLBACK_COMMANDS, RollbackApproved.class, "approval-service");
        assertThat(command.requestId()).isEqualTo(request.requestId());
        assertThat(command.approvedBy()).containsExactly("olivia");
        assertThat(votes(request)).singleElement().satisfies(vote -> {
            assertThat(vote.decidedBy).isEqualTo("olivia");
            assertThat(vote.channel).isEqualTo(Channel.SLACK);
        });
        JsonNode update = reply(responseUrl);
        assertThat(update.path("replace_original").asBoolean()).isTrue();
        assertThat(update.path("text").asText()).isEqualTo("✅ Approved by olivia (oncall): rollback commanded");
        assertThat(update.path("blocks").toString()).contains("PRODUCTION ROLLBACK NEEDS APPROVAL")
                .doesNotContain("rewind_approve");
    }

    @Test
    void anUnmappedSlackUserIsToldOnlyThemAndCastsNoVote() throws Exception {
        RollbackRequested request = pending(uniqueTarget("production"), Severity.P0);
        String responseUrl = responseUrl(request);

        press("U0STRANGER", ButtonPress.APPROVE, request, null, responseUrl).statusCode(200);

        JsonNode reply = reply(responseUrl);
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.path("replace_original").asBoolean()).isFalse();
        assertThat(reply.path("text").asText()).contains("U0STRANGER (alice) is not mapped");
        assertNoVote(request);
    }

    @Test
    void aUserWithoutTheRoleGetsTheRulesRefusalAndCastsNoVote() throws Exception {
        RollbackRequested request = pending(uniqueTarget("production"), Severity.P0);
        String responseUrl = responseUrl(request);

        press(DEVELOPER, ButtonPress.APPROVE, request, null, responseUrl).statusCode(200);

        JsonNode reply = reply(responseUrl);
        assertThat(reply.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(reply.path("text").asText()).contains("approving needs the role oncall; dave has developer");
        assertNoVote(request);
    }

    @Test
    void theDeployAuthorCannotApproveTheirOwnReleasesRollbackFromSlack() throws Exception {
        RollbackRequested request = pending(uniqueTarget("production"), Severity.P0);
        String responseUrl = responseUrl(request);

        press(DEPLOY_AUTHOR, ButtonPress.APPROVE, request, null, responseUrl).statusCode(200);

        assertThat(reply(responseUrl).path("text").asText()).contains("jane.dev requested this rollback or deployed");
        assertNoVote(request);
    }

    @Test
    void rejectingWithoutAReasonAsksForOneAndRejectingWithOneEndsTheRequest() throws Exception {
        RollbackRequested request = pending(uniqueTarget("production"), Severity.P0);
        String responseUrl = responseUrl(request);

        press(ONCALL, ButtonPress.REJECT, request, null, responseUrl).statusCode(200);
        assertThat(reply(responseUrl).path("text").asText()).contains("Reason box");
        assertNoVote(request);

        press(ONCALL, ButtonPress.REJECT, request, "dashboards are green again", responseUrl)
                .statusCode(200);
        await().atMost(TestKafka.PATIENCE).until(() -> slackReplies(responseUrl).size() == 2);
        JsonNode update = SlackPayloads.JSON.readTree(slackReplies(responseUrl).get(1).body());
        assertThat(update.path("text").asText())
                .isEqualTo("❌ Rejected by olivia (oncall): dashboards are green again. No rollback.");
        assertThat(stored(request).state).isEqualTo(ApprovalState.REJECTED);
    }

    @Test
    void wrongSecretStaleTimestampOrTamperedBodyIs401AndDecidesNothing() {
        RollbackRequested request = pending(uniqueTarget("production"), Severity.P0);
        byte[] body = SlackPayloads.form(SlackPayloads.press(ONCALL, ButtonPress.APPROVE,
                request.requestId(), null, responseUrl(request)));
        long now = Instant.now().getEpochSecond();
        long stale = now - 600;
        byte[] tampered = SlackPayloads.form(SlackPayloads.press(ONCALL, ButtonPress.APPROVE,
                request.requestId(), "sneaked in", responseUrl(request)));

        post(body, now, SlackPayloads.signature("not-the-apps-secret", now, body)).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("does not match"));
        post(body, stale, SlackPayloads.signature(SIGNING_SECRET, stale, body)).statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("replayed"));
        post(tampered, now, SlackPayloads.signature(SIGNING_SECRET, now, body)).statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.URLENC).body(new String(body, StandardCharsets.US_ASCII)).post(PATH).then()
                .statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("missing"));

        assertNoVote(request);
        assertThat(slackReplies(responseUrl(request))).isEmpty();
    }

    @Test
    void aResponseUrlOutsideTheConfiguredPrefixGetsNoReplyButTheVoteStands() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = pending(target, Severity.P0);

        press(ONCALL, ButtonPress.APPROVE, request, null,
                "https://attacker.example/actions/" + request.requestId()).statusCode(200);

        kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target));
        assertThat(stored(request).state).isEqualTo(ApprovalState.APPROVED);
    }

    @Test
    void aReplySlackRefusesIsRetriedAndTheVoteStandsAnyway() {
        TargetKey target = uniqueTarget("production");
        RollbackRequested request = pending(target, Severity.P0);
        String responseUrl = responseUrl(request);
        slack.respondWith(503);
        try {
            press(ONCALL, ButtonPress.APPROVE, request, null, responseUrl).statusCode(200);

            await().atMost(TestKafka.PATIENCE).until(() -> slackReplies(responseUrl).size() == 3);
        } finally {
            slack.respondWith(200);
        }
        kafka.awaitRecord(Topics.ROLLBACK_COMMANDS.name(), about(target));
        assertThat(stored(request).state).isEqualTo(ApprovalState.APPROVED);
    }

    /** Sends a production request through Kafka and waits until it waits for people. */
    private static RollbackRequested pending(TargetKey target, Severity severity) {
        RollbackRequested f = EventFixtures.event(RollbackRequested.class);
        RollbackRequested request = new RollbackRequested(UUID.randomUUID(), UUID.randomUUID(), f.incidentNumber(),
                target, severity, f.signal(), f.reason(), f.mode(), f.method(), f.toRevision(), f.release(),
                f.rollbackTo(), "jane.dev", null, f.requestedBy(), f.evidence(), f.occurredAt());
        kafka.send(Topics.ROLLBACK_REQUESTS, request);
        await().atMost(TestKafka.PATIENCE).until(() -> {
            ApprovalRequestRecord stored = stored(request);
            return stored != null && stored.state == ApprovalState.PENDING;
        });
        return request;
    }

    private static ValidatableResponse press(String slackUserId, String actionId, RollbackRequested request,
                                             String reason, String responseUrl) {
        ObjectNode payload = SlackPayloads.press(slackUserId, actionId, request.requestId(), reason, responseUrl);
        byte[] body = SlackPayloads.form(payload);
        long now = Instant.now().getEpochSecond();
        return post(body, now, SlackPayloads.signature(SIGNING_SECRET, now, body));
    }

    private static ValidatableResponse post(byte[] body, long timestamp, String signature) {
        return given().contentType(ContentType.URLENC)
                .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                .header("X-Slack-Signature", signature)
                .body(new String(body, StandardCharsets.US_ASCII)) // URL-encoded: ASCII
                .post(PATH).then();
    }

    /** A response_url of its own per request, so each test reads only its replies. */
    private static String responseUrl(RollbackRequested request) {
        return slack.url() + "/actions/T9TK3CUKW/" + request.requestId() + "/Pw3cBx6vH8pYd0o5";
    }

    private static List<RecordingHttpServer.Request> slackReplies(String responseUrl) {
        String path = responseUrl.substring(slack.url().length());
        return slack.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The first reply posted to {@code responseUrl}. */
    private static JsonNode reply(String responseUrl) throws Exception {
        await().atMost(TestKafka.PATIENCE).until(() -> !slackReplies(responseUrl).isEmpty());
        RecordingHttpServer.Request reply = slackReplies(responseUrl).get(0);
        assertThat(reply.method()).isEqualTo("POST");
        return SlackPayloads.JSON.readTree(reply.body());
    }

    private static void assertNoVote(RollbackRequested request) {
        assertThat(votes(request)).isEmpty();
        assertThat(stored(request).state).isEqualTo(ApprovalState.PENDING);
    }

    private static List<ApprovalDecisionRecord> votes(RollbackRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalDecisionRecord.on(request.requestId()));
    }

    private static ApprovalRequestRecord stored(RollbackRequested request) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord.findById(request.requestId()));
    }
}
