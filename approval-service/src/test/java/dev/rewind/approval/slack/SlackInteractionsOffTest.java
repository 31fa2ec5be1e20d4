package dev.rewind.approval.slack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Without a signing secret nobody can vote in Slack, and the endpoint says what to configure. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokens.class)
class SlackInteractionsOffTest {

    @Test
    void withoutASigningSecretInteractionsAre503NamingTheSetting() {
        given().contentType(ContentType.URLENC)
                .header("X-Slack-Request-Timestamp", "1763216790")
                .header("X-Slack-Signature", "v0=00")
                .body(new String(SlackPayloads.form(SlackPayloads.approvePress()), StandardCharsets.US_ASCII))
                .post("/api/v1/slack/interactions")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("REWIND_SLACK_SIGNING_SECRET"));
    }
}
