package dev.rewind.detector.metrics;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.ScrapedMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detector's metrics at /q/metrics move with what it does: an alert posted is counted accepted, decided under its
 * decision-matrix row and shown among the open incidents; the same alert again is a duplicate; an alert about a
 * target outside the environments is refused.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class DetectorMetricsTest extends KafkaClientTest {

    private static final String TOKEN = "Bearer test-webhook-token";
    private static final String RECEIVED = RewindMetric.ALERTS_RECEIVED.prometheusName();
    private static final String DECISIONS = RewindMetric.DECISIONS.prometheusName();
    private static final String OPEN = RewindMetric.INCIDENTS_OPEN.prometheusName();
    private static final Map<String, String> ACCEPTED = Map.of("source", "alertmanager", "outcome", "accepted");
    private static final Map<String, String> DUPLICATE = Map.of("source", "alertmanager", "outcome", "duplicate");
    private static final Map<String, String> ROLLBACK = Map.of("row", "error_rate", "decision", "rollback");

    @Test
    void aFiringAlertIsCountedAcceptedDecidedOpenAndItsResendADuplicate() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));
        ScrapedMetrics before = ScrapedMetrics.scrape();

        post(EventFixtures.alertmanagerFiring(target), 202);
        kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target));

        assertThat(ScrapedMetrics.scrape().sum(RECEIVED, ACCEPTED)).isEqualTo(before.sum(RECEIVED, ACCEPTED) + 1);
        await().untilAsserted(() -> {
            ScrapedMetrics now = ScrapedMetrics.scrape();
            assertThat(now.sum(DECISIONS, ROLLBACK)).isEqualTo(before.sum(DECISIONS, ROLLBACK) + 1);
            assertThat(now.sum(OPEN, Map.of("environment", "production"))).isGreaterThanOrEqualTo(1);
        });

        post(EventFixtures.alertmanagerFiring(target), 202);

        await().untilAsserted(() -> assertThat(ScrapedMetrics.scrape().sum(RECEIVED, DUPLICATE))
                .isEqualTo(before.sum(RECEIVED, DUPLICATE) + 1));
        assertThat(ScrapedMetrics.scrape().sum(DECISIONS, ROLLBACK)).as("a duplicate is not decided again")
                .isEqualTo(before.sum(DECISIONS, ROLLBACK) + 1);
    }

    @Test
    void anAlertAboutATargetOutsideTheEnvironmentsIsCountedRefused() {
        TargetKey production = uniqueTarget("production");
        TargetKey mislabelled = new TargetKey("development", production.namespace(), production.service());
        Map<String, String> refused = Map.of("source", "alertmanager", "outcome", "refused");
        double before = ScrapedMetrics.scrape().sum(RECEIVED, refused);

        post(EventFixtures.alertmanagerFiring(mislabelled), 422);

        assertThat(ScrapedMetrics.scrape().sum(RECEIVED, refused)).isEqualTo(before + 1);
    }

    private static void post(String payload, int status) {
        given().header("Authorization", TOKEN).contentType("application/json").body(payload)
                .post("/api/v1/alerts/alertmanager").then().statusCode(status);
    }
}
