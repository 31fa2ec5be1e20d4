package dev.rewind.detector.api;

import static dev.rewind.detector.api.AlertWebhookErrorsTest.TOKEN;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.WEBHOOK;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.tree;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outbox's own size check is the last line: should the webhook's limits let a too large event through, the
 * request is still refused with a 413 problem (the transaction rolls back), never accepted and then stuck.
 */
@QuarkusTest
@TestProfile(OutboxEventSizeTest.WebhookLimitAboveTheOutboxLimit.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class OutboxEventSizeTest {

    /** A webhook event-size limit misconfigured above what the outbox accepts. */
    public static class WebhookLimitAboveTheOutboxLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rewind.detector.webhook.limits.event-size", "900K",
                    "rewind.messaging.outbox.max-event-bytes", "100000");
        }
    }

    @Test
    void anEventTheOutboxRefusesIsA413Problem() {
        ObjectNode payload = tree(EventFixtures.alertmanagerFiring(uniqueTarget("production")));
        ObjectNode annotations = (ObjectNode) payload.at("/alerts/0/annotations");
        for (int i = 0; i < 8; i++) {
            annotations.put("note_" + i, "n".repeat(16_000));
        }

        given().header("Authorization", TOKEN).contentType("application/json").body(payload.toString()).post(WEBHOOK)
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", is(413))
                .body("detail", containsString("more than the 100000 bytes one Kafka record may carry"))
                .body("detail", containsString("nothing was accepted"));
    }
}
