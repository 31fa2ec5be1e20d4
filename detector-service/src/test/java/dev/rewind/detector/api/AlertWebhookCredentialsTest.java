package dev.rewind.detector.api;

import static dev.rewind.detector.api.AlertWebhookErrorsTest.WEBHOOK;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import dev.rewind.events.EventFixtures;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The webhook takes Alertmanager's bearer token or Basic credentials, and nothing else gets past it. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertWebhookCredentialsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Bearer test-webhook-token                     | 202
            bearer test-webhook-token                     | 202
            basic alertmanager:test-webhook-password      | 202
            Basic alertmanager:guess                      | 401
            Basic prometheus:test-webhook-password        | 401
            Bearer test-webhook-password                  | 401
            """)
    void acceptsTheConfiguredTokenOrBasicCredentialsOnly(String authorization, int status) {
        given().header("Authorization", encoded(authorization)).contentType("application/json")
                .body(EventFixtures.alertmanagerFiring(uniqueTarget("production"))).post(WEBHOOK)
                .then().statusCode(status);
    }

    @Test
    void aRefusalIsAProblemChallengingForBothSchemes() {
        given().contentType("application/json").body(EventFixtures.alertmanagerFiring(uniqueTarget("production")))
                .post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", is(401))
                .body("detail", containsString("missing Authorization header"))
                .header("WWW-Authenticate", allOf(containsString("Bearer realm=\"rewind\""),
                        containsString("Basic realm=\"rewind\"")));
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyOrItsContentType() {
        anonymous().contentType("application/json").body("{\"version\": \"4\", \"alerts\": [").post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json");
        anonymous().contentType("text/plain").body("hello").post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void noSpellingOfThePathSlipsPastTheCheck() {
        String body = EventFixtures.alertmanagerFiring(uniqueTarget("production"));
        for (String path : new String[] {"//api/v1/alerts/alertmanager", "/api/v1//alerts/alertmanager",
                "/api/v1/alerts/./alertmanager", "/api/v1/x/../alerts/alertmanager"}) {
            anonymous().contentType("application/json").body(body).post(path)
                    .then().statusCode(oneOf(401, 404));
        }
    }

    private static RequestSpecification anonymous() {
        return given().urlEncodingEnabled(false);
    }

    /** "Basic user:password" is written in clear in the table and encoded here, as Alertmanager does. */
    private static String encoded(String authorization) {
        if (!authorization.toLowerCase().startsWith("basic ")) {
            return authorization;
        }
        String pair = authorization.substring("basic ".length());
        return authorization.substring(0, "basic ".length())
                + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
