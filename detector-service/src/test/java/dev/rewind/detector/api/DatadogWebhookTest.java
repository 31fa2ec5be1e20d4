package dev.rewind.detector.api;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Datadog's webhook: the recommended template fires and resolves; the default one is read or refused, never a 500. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class DatadogWebhookTest extends KafkaClientTest {

    static final String WEBHOOK = "/api/v1/alerts/datadog";
    static final String TOKEN = "Bearer test-datadog-token";

    @Test
    void aTriggeredMonitorRequestsARollbackAndItsRecoveryResolvesTheSameAlert() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));
        String[] ids = ids();

        post(Payloads.of("datadog-recommended-triggered.json", target, ids))
                .then().statusCode(202).body("accepted", is(1));
        AlertFired fired = assertCloudEvent(kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertFired.class)),
                Topics.ALERTS, AlertFired.class, "detector-service");
        assertThat(fired.source()).isEqualTo("datadog");
        assertThat(fired.fingerprint()).isEqualTo(ids[3]);
        assertThat(fired.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(fired.observedValue()).isEqualTo(0.12);
        RollbackRequested request = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        assertThat(request.evidence()).singleElement().satisfies(e -> assertThat(e.alertId())
                .isEqualTo(fired.alertId()));

        post(Payloads.of("datadog-recommended-recovered.json", target, ids))
                .then().statusCode(202).body("accepted", is(1));
        AlertResolved resolved = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(),
                about(target, AlertResolved.class)).value(), AlertResolved.class);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
    }

    @Test
    void aWarningIsAcceptedButOpensNothingAndTheAnswerSaysWhy() {
        post(Payloads.of("datadog-recommended-warn.json", uniqueTarget("production"), ids()))
                .then().statusCode(202).body("accepted", is(0))
                .body("ignored[0]", containsString("a warning"));
    }

    @Test
    void theDefaultTemplateIsReadWhenTheMessageNamesTheTarget() {
        TargetKey target = uniqueTarget("production");

        post(Payloads.of("datadog-default-triggered.json", target))
                .then().statusCode(202).body("accepted", is(1));

        AlertFired fired = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertFired.class))
                .value(), AlertFired.class);
        assertThat(fired.summary()).isEqualTo("High error rate on " + target.service());
    }

    @Test
    void theDefaultTemplateWithoutTargetIsABadRequestPointingToTheRecommendedTemplate() {
        post(Payloads.of("datadog-default-untargeted.json", uniqueTarget("production")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("recommended Datadog payload template"))
                .body("violations.field", everyItem(is("tags")))
                .body("violations[0].message", containsString("'env:<value>'"));
    }

    @Test
    void aBodyThatIsNoJsonObjectIsABadRequest() {
        post("[\"$EVENT_MSG\"]").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requiresItsBearerToken() {
        String body = Payloads.of("datadog-recommended-triggered.json", uniqueTarget("production"), ids());

        given().contentType("application/json").body(body).post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("Authorization: Bearer <REWIND_DATADOG_TOKEN>"));
        given().header("Authorization", GrafanaWebhookTest.TOKEN).contentType("application/json").body(body)
                .post(WEBHOOK).then().statusCode(401);
    }

    @Test
    void aMessageOverTheAnnotationLimitIsRefusedNamingTheField() {
        ObjectNode payload = Payloads.tree(Payloads.of("datadog-recommended-triggered.json",
                uniqueTarget("production"), ids()));
        payload.put("body", "m".repeat(16_385));

        post(payload.toString())
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", is("body"))
                .body("violations[0].message", containsString("annotation-value-length"));
    }

    @Test
    void anEnvironmentThatDoesNotOwnTheNamespaceIsRefusedNamingTheTags() {
        TargetKey production = uniqueTarget("production");

        post(Payloads.of("datadog-recommended-triggered.json", new TargetKey("development", production.namespace(),
                production.service()), ids()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("tags"))
                .body("violations[0].message", containsString("does not belong to environment 'development'"));
    }

    /** A monitor's alert id and a cycle key no other test uses. */
    private static String[] ids() {
        String alertId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000));
        return new String[] {"alert_id", alertId, "cycle_key", alertId + "-" + System.nanoTime()};
    }

    private static io.restassured.response.Response post(String body) {
        return given().header("Authorization", TOKEN).contentType("application/json").body(body).post(WEBHOOK);
    }
}
