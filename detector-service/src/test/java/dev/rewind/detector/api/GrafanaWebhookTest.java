package dev.rewind.detector.api;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Grafana's webhook contact point: Alertmanager's shape, version 1, read with Alertmanager's labels and limits. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class GrafanaWebhookTest extends KafkaClientTest {

    static final String WEBHOOK = "/api/v1/alerts/grafana";
    static final String TOKEN = "Bearer test-grafana-token";

    @Test
    void aFiringGrafanaAlertIsNormalizedAndRequestsARollback() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));
        String fingerprint = fingerprint();

        post(Payloads.of("grafana-firing.json", target, "fingerprint", fingerprint))
                .then().statusCode(202).body("accepted", is(1));

        AlertFired alert = assertCloudEvent(kafka.awaitRecord(Topics.ALERTS.name(), about(target)), Topics.ALERTS,
                AlertFired.class, "detector-service");
        assertThat(alert.source()).isEqualTo("grafana");
        assertThat(alert.fingerprint()).isEqualTo(fingerprint);
        assertThat(alert.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(alert.observedValue()).as("values.B, the configured value-ref").isEqualTo(0.12);
        assertThat(alert.version()).isEqualTo("v1.3.0");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-15T14:25:00Z"));
        RollbackRequested request = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        assertThat(request.evidence()).singleElement().satisfies(e -> assertThat(e.alertId())
                .isEqualTo(alert.alertId()));
    }

    @Test
    void aResolvedGrafanaAlertResolvesTheSameFingerprint() {
        TargetKey target = uniqueTarget("production");
        String fingerprint = fingerprint();

        post(Payloads.of("grafana-resolved.json", target, "fingerprint", fingerprint))
                .then().statusCode(202).body("accepted", is(1));

        AlertResolved resolved = assertCloudEvent(kafka.awaitRecord(Topics.ALERTS.name(),
                about(target, AlertResolved.class)), Topics.ALERTS, AlertResolved.class, "detector-service");
        assertThat(resolved.source()).isEqualTo("grafana");
        assertThat(resolved.fingerprint()).isEqualTo(fingerprint);
        assertThat(resolved.endsAt()).isEqualTo(Instant.parse("2026-11-15T14:40:00Z"));
    }

    @Test
    void eachEndpointWantsItsOwnPayloadVersion() {
        ObjectNode grafanaAsV4 = firing(uniqueTarget("production"));
        grafanaAsV4.put("version", "4");

        post(grafanaAsV4.toString())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("version"))
                .body("violations.message", hasItem(containsString("must be \"1\" (Grafana")));
        given().header("Authorization", AlertWebhookErrorsTest.TOKEN).contentType("application/json")
                .body(firing(uniqueTarget("production")).toString()).post(AlertWebhookErrorsTest.WEBHOOK)
                .then().statusCode(400).body("violations.message", hasItem(containsString("must be \"4\"")));
    }

    @Test
    void anAlertWithoutTargetLabelsIsRefusedNamingTheLabel() {
        ObjectNode payload = firing(uniqueTarget("production"));
        ((ObjectNode) payload.at("/alerts/0/labels")).remove("namespace");

        post(payload.toString())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("alerts[0].labels.namespace"));
    }

    @Test
    void takesItsOwnTokenOnlyAndNotAlertmanagers() {
        String body = firing(uniqueTarget("production")).toString();

        given().contentType("application/json").body(body).post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("REWIND_GRAFANA_TOKEN"));
        given().header("Authorization", AlertWebhookErrorsTest.TOKEN).contentType("application/json").body(body)
                .post(WEBHOOK).then().statusCode(401);
        given().header("Authorization", TOKEN).contentType("application/json")
                .body(EventFixtures.alertmanagerFiring(uniqueTarget("production")))
                .post(AlertWebhookErrorsTest.WEBHOOK).then().statusCode(401);
    }

    @Test
    void noSpellingOfThePathLetsAnotherSourcesTokenIn() {
        String grafana = firing(uniqueTarget("production")).toString();
        String alertmanager = EventFixtures.alertmanagerFiring(uniqueTarget("production"));
        for (String path : new String[] {WEBHOOK + "/", WEBHOOK + ";v=1", "/api/v1//alerts//grafana",
                "/api/v1/alerts/./grafana"}) {
            given().urlEncodingEnabled(false).header("Authorization", AlertWebhookErrorsTest.TOKEN)
                    .contentType("application/json").body(grafana).post(path)
                    .then().statusCode(org.hamcrest.Matchers.oneOf(401, 404));
        }
        given().urlEncodingEnabled(false).header("Authorization", TOKEN).contentType("application/json")
                .body(alertmanager).post(AlertWebhookErrorsTest.WEBHOOK + ";v=1")
                .then().statusCode(org.hamcrest.Matchers.oneOf(401, 404));
    }

    @Test
    void respectsTheWebhookLimits() {
        ObjectNode payload = firing(uniqueTarget("production"));
        ObjectNode labels = (ObjectNode) payload.at("/alerts/0/labels");
        IntStream.range(0, 64).forEach(i -> labels.put("extra_" + i, "v"));

        post(payload.toString())
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", is("alerts[0].labels"))
                .body("violations[0].message", containsString("rewind.detector.webhook.limits.labels"));
    }

    @Test
    void anEnvironmentThatDoesNotOwnTheNamespaceIsRefused() {
        TargetKey production = uniqueTarget("production");

        post(Payloads.of("grafana-firing.json", new TargetKey("development", production.namespace(),
                production.service()), "fingerprint", fingerprint()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].message", containsString("does not belong to environment 'development'"));
    }

    private static ObjectNode firing(TargetKey target) {
        return Payloads.tree(Payloads.of("grafana-firing.json", target, "fingerprint", fingerprint()));
    }

    private static String fingerprint() {
        return UUID.randomUUID().toString().substring(0, 16);
    }

    private static io.restassured.response.Response post(String body) {
        return given().header("Authorization", TOKEN).contentType("application/json").body(body).post(WEBHOOK);
    }
}
