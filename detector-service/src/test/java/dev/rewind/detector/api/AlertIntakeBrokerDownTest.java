package dev.rewind.detector.api;

import static dev.rewind.detector.api.AlertWebhookErrorsTest.TOKEN;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.WEBHOOK;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhooks publish straight to Kafka; when the broker does not acknowledge, the accepted alerts are committed to
 * the outbox before the 202, and the relay publishes them: an accepted alert is never lost.
 */
@QuarkusTest
@TestProfile(AlertIntakeBrokerDownTest.DirectChannelCannotReachTheBroker.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertIntakeBrokerDownTest extends KafkaClientTest {

    /** The direct channel points at a port nobody listens on; the relay's channel reaches the real broker. */
    public static class DirectChannelCannotReachTheBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.alerts-direct.bootstrap.servers", "127.0.0.1:9",
                    "mp.messaging.outgoing.alerts-direct.max.block.ms", "300",
                    "mp.messaging.outgoing.alerts-direct.delivery.timeout.ms", "1000",
                    "mp.messaging.outgoing.alerts-direct.request.timeout.ms", "500",
                    "rewind.detector.intake.broker-wait", "2s");
        }
    }

    @Test
    void alertsTheBrokerDoesNotAcknowledgeAreAcceptedThroughTheOutbox() {
        TargetKey target = uniqueTarget("production");

        given().header("Authorization", TOKEN).contentType("application/json")
                .body(EventFixtures.alertmanagerFiring(target)).post(WEBHOOK)
                .then().statusCode(202);

        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey = ?1 and topic = ?2",
                target.toString(), Topics.ALERTS.name()))).as("committed to the outbox before the 202").isEqualTo(1);
        assertThat(kafka.awaitRecord(Topics.ALERTS.name(), about(target))).as("published by the relay").isNotNull();
    }
}
