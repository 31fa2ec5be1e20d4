package dev.rewind.detector.api;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventJson;
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
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * New Relic's workflow webhook, default template: impacted entities mapped to targets by configuration (the test
 * profile maps "checkout (production)" to production/payments/checkout-nr), the issue id as fingerprint.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class NewRelicWebhookTest extends KafkaClientTest {

    static final String WEBHOOK = "/api/v1/alerts/newrelic";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("newrelic:test-newrelic-password".getBytes(StandardCharsets.UTF_8));
    private static final TargetKey MAPPED = TargetKey.parse("production/payments/checkout-nr");

    @Test
    void anActivatedIssueFiresForTheMappedEntityAndItsCloseResolvesIt() {
        String issue = UUID.randomUUID().toString();

        post(Payloads.of("newrelic-activated.json", MAPPED, "issue_id", issue))
                .then().statusCode(202).body("accepted", is(1));
        AlertFired fired = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(),
                about(MAPPED, AlertFired.class).and(fingerprint(issue))).value(), AlertFired.class);
        assertThat(fired.source()).isEqualTo("newrelic");
        assertThat(fired.labels()).containsEntry("entity", "checkout (production)");

        post(Payloads.of("newrelic-closed.json", MAPPED, "issue_id", issue))
                .then().statusCode(202).body("accepted", is(1));
        AlertResolved resolved = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(),
                about(MAPPED, AlertResolved.class).and(fingerprint(issue))).value(), AlertResolved.class);
        assertThat(resolved.startsAt()).isEqualTo(fired.startsAt());
    }

    @Test
    void aCustomTemplateNamingTheTargetRequestsARollback() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));

        post(Payloads.of("newrelic-custom-activated.json", target, "issue_id", UUID.randomUUID().toString()))
                .then().statusCode(202).body("accepted", is(1));

        AlertFired fired = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertFired.class))
                .value(), AlertFired.class);
        assertThat(fired.observedValue()).isEqualTo(0.12);
        RollbackRequested request = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        assertThat(request.evidence()).singleElement().satisfies(e -> assertThat(e.alertId())
                .isEqualTo(fired.alertId()));
    }

    @Test
    void anAcknowledgementIsAcceptedAndSaidToRecordNothing() {
        post(Payloads.of("newrelic-acknowledged.json", MAPPED, "issue_id", UUID.randomUUID().toString()))
                .then().statusCode(202).body("accepted", is(0))
                .body("ignored[0]", containsString("acknowledged"));
    }

    @Test
    void anIssueOfNoMappedEntityIsABadRequestSayingHowToMapIt() {
        ObjectNode payload = activated();
        payload.putArray("impactedEntities").add("host-17");

        post(payload.toString())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("impactedEntities"))
                .body("violations[0].message", containsString("rewind.detector.sources.newrelic.entities"));
    }

    @Test
    void anUnknownStateIsABadRequestNamingIt() {
        ObjectNode payload = activated();
        payload.put("state", "OPEN");

        post(payload.toString())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("state"))
                .body("violations[0].message", containsString("CREATED, ACTIVATED, ACKNOWLEDGED or CLOSED"));
    }

    @Test
    void requiresItsBasicCredentials() {
        given().contentType("application/json").body(activated().toString()).post(WEBHOOK)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("REWIND_NEWRELIC_USERNAME"));
        given().header("Authorization", "Bearer test-newrelic-password").contentType("application/json")
                .body(activated().toString()).post(WEBHOOK)
                .then().statusCode(401).body("detail", containsString("takes Basic credentials"));
    }

    @Test
    void aTitleOverTheAnnotationLimitIsRefusedNamingTheField() {
        ObjectNode payload = activated();
        payload.put("title", "t".repeat(16_385));

        post(payload.toString())
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", is("title"));
    }

    @Test
    void anEnvironmentThatDoesNotOwnTheNamespaceIsRefused() {
        TargetKey production = uniqueTarget("production");

        post(Payloads.of("newrelic-custom-activated.json", new TargetKey("development", production.namespace(),
                production.service()), "issue_id", UUID.randomUUID().toString()))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("service"))
                .body("violations[0].message", containsString("does not belong to environment 'development'"));
    }

    private static ObjectNode activated() {
        return Payloads.tree(Payloads.of("newrelic-activated.json", MAPPED, "issue_id",
                UUID.randomUUID().toString()));
    }

    private static Predicate<ConsumerRecord<String, String>> fingerprint(String fingerprint) {
        return record -> record.value().contains("\"fingerprint\":\"" + fingerprint + "\"");
    }

    private static Response post(String body) {
        return given().header("Authorization", BASIC).contentType("application/json").body(body).post(WEBHOOK);
    }
}
