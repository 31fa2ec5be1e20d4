package dev.rewind.detector;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertWebhookTest extends KafkaClientTest {

    private static final String TOKEN = "Bearer test-webhook-token";
    @Test
    void acceptsAFiringAlertmanagerAlertAndRequestsARollback() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));

        given().header("Authorization", TOKEN).contentType("application/json").body(payload(target))
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(202).body("accepted", is(1));

        AlertFired alert = assertCloudEvent(kafka.awaitRecord(Topics.ALERTS.name(), about(target)), Topics.ALERTS,
                AlertFired.class, "detector-service");
        assertThat(alert.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(alert.observedValue()).isEqualTo(0.12);
        assertThat(alert.fingerprint()).isEqualTo(tree(payload(target)).at("/alerts/0/fingerprint").asText());
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-15T14:25:00Z"));
        assertThat(alert.version()).isEqualTo("v1.3.0");
        assertThat(alert.source()).isEqualTo("alertmanager");
        RollbackRequested request = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        assertThat(request.severity()).isEqualTo(Severity.P1);
        assertThat(request.evidence()).extracting(Evidence::alertId).containsExactly(alert.alertId());
    }

    @Test
    void alertAboutANamespaceItsEnvironmentDoesNotOwnIsRefusedAndNothingIsAccepted() {
        TargetKey production = uniqueTarget("production");
        TargetKey mislabelled = new TargetKey("development", production.namespace(), production.service());

        given().header("Authorization", TOKEN).contentType("application/json").body(payload(mislabelled))
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("alerts[0].labels"))
                .body("violations[0].message", containsString(
                        "namespace 'payments' does not belong to environment 'development'"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().header("Authorization", TOKEN).contentType("application/json").body("{\"version\": \"4\", \"alerts\": [")
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(400).contentType("application/problem+json").body("status", is(400));
    }

    @Test
    void alertWithoutTargetLabelsIsRefusedNamingTheLabel() {
        ObjectNode payload = tree(payload(uniqueTarget("production")));
        ((ObjectNode) payload.at("/alerts/0/labels")).remove("namespace");

        given().header("Authorization", TOKEN).contentType("application/json").body(payload.toString())
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("alerts[0].labels.namespace"))
                .body("violations[0].message", containsString("missing label 'namespace'"));
    }

    @Test
    void payloadWithoutAlertsOrWithAWrongVersionIsRefusedNamingTheFields() {
        ObjectNode payload = tree(payload(uniqueTarget("production")));
        payload.putArray("alerts");
        payload.put("version", "3");

        given().header("Authorization", TOKEN).contentType("application/json").body(payload.toString())
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems(containsString("alerts"), containsString("version")));
    }

    @Test
    void requiresTheConfiguredBearerToken() {
        String body = payload(uniqueTarget("production"));
        given().contentType("application/json").body(body).post("/api/v1/alerts/alertmanager")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("missing Authorization"));
        given().header("Authorization", "Bearer guess").contentType("application/json").body(body)
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(401);
    }

    private static String payload(TargetKey target) {
        return EventFixtures.alertmanagerFiring(target);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
