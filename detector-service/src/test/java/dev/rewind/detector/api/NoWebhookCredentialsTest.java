package dev.rewind.detector.api;

import static dev.rewind.detector.api.AlertWebhookErrorsTest.TOKEN;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.WEBHOOK;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import dev.rewind.events.EventFixtures;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A detector without webhook credentials refuses every alert, saying which variable to set: it is never open. */
@QuarkusTest
@TestProfile(NoWebhookCredentialsTest.WithoutCredentials.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class NoWebhookCredentialsTest {

    /** The test profile's credentials removed, as in a deployment where the Secret was forgotten. */
    public static class WithoutCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rewind.detector.webhook.bearer-token", "",
                    "rewind.detector.webhook.username", "",
                    "rewind.detector.webhook.password", "");
        }
    }

    @Test
    void refusesEveryRequestNamingTheVariableToSet() {
        String body = EventFixtures.alertmanagerFiring(uniqueTarget("production"));
        for (String authorization : new String[] {null, TOKEN, "Bearer ", "Basic Og=="}) {
            var request = given().contentType("application/json").body(body);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.post(WEBHOOK)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", allOf(containsString("no webhook credentials configured"),
                            containsString("ALERTMANAGER_TOKEN")));
        }
    }
}
