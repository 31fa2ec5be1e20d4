package dev.rewind.detector;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.RecordedSpans;
import dev.rewind.sandbox.monitor.AlertNotification;
import dev.rewind.sandbox.monitor.AlertmanagerWebhook;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertWebhookTest extends KafkaClientTest {

    @Inject
    RecordedSpans spans;

    private static final String TOKEN = "Bearer test-webhook-token";

    @Test
    void theOpenApiDocumentDescribesTheAnswerToAnAcceptedWebhook() {
        String schema = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().getString("paths.'/api/v1/alerts/alertmanager'.post.responses.'202'.content."
                        + "'application/json'.schema.$ref");

        assertThat(schema).isEqualTo("#/components/schemas/WebhookAnswer");
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.schemas.WebhookAnswer.properties.accepted.type", is("integer"))
                .body("components.schemas.WebhookAnswer.properties.ignored.type", is("array"));
    }

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
    void theSandboxMonitorsAlertsAreAcceptedAsAlertmanagersFiringThenResolved() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));
        Map<String, String> labels = Map.of("alertname", "HighErrorRate", "environment", target.environment(),
                "namespace", target.namespace(), "service", target.service(), "severity", "page",
                "version", "v1.3.0");
        Instant startsAt = Instant.parse("2026-11-28T13:00:00.123456789Z");
        AlertNotification firing = new AlertNotification("firing", labels,
                Map.of("summary", "High error rate (12.0% 5xx errors)", "value", "0.1200"), startsAt, null,
                "5f3a0c9d2e1b4a76");

        given().header("Authorization", TOKEN).contentType("application/json")
                .body(AlertmanagerWebhook.payload(firing)).post("/api/v1/alerts/alertmanager")
                .then().statusCode(202).body("accepted", is(1));
        given().header("Authorization", TOKEN).contentType("application/json")
                .body(AlertmanagerWebhook.payload(new AlertNotification("resolved", labels,
                        Map.of("summary", "High error rate (3.0% 5xx errors) (resolved)"), startsAt,
                        startsAt.plusSeconds(30), firing.fingerprint())))
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(202).body("accepted", is(1));

        AlertFired fired = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertFired.class))
                .value(), AlertFired.class);
        assertThat(fired.signal()).isEqualTo(Signal.ERROR_RATE);
        assertThat(fired.observedValue()).isEqualTo(0.12);
        assertThat(fired.fingerprint()).isEqualTo("5f3a0c9d2e1b4a76");
        assertThat(fired.version()).isEqualTo("v1.3.0");
        assertThat(fired.startsAt()).isEqualTo(startsAt);
        AlertResolved resolved = EventJson.read(kafka.awaitRecord(Topics.ALERTS.name(),
                about(target, AlertResolved.class)).value(), AlertResolved.class);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.startsAt()).isEqualTo(startsAt);
    }

    @Test
    void oneAlertIsOneTraceFromTheWebhookThroughTheAlertsTopicToTheRollbackRequest() {
        TargetKey target = uniqueTarget("production");
        KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(),
                "registry.example/shop/checkout", List.of("v1.2.5", "v1.3.0"));

        given().header("Authorization", TOKEN).contentType("application/json").body(payload(target))
                .post("/api/v1/alerts/alertmanager")
                .then().statusCode(202);

        String alertTrace = traceIdOf(kafka.awaitRecord(Topics.ALERTS.name(), about(target)));
        String requestTrace = traceIdOf(kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)));
        assertThat(requestTrace).isEqualTo(alertTrace);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = spans.ofTrace(alertTrace);
            SpanData webhook = named(trace, "POST /api/v1/alerts/alertmanager");
            SpanData alertSent = named(trace, "rewind.alerts publish");
            SpanData alertProcessed = named(trace, "rewind.alerts process");
            SpanData requestSent = named(trace, "rewind.rollback-requests publish");
            assertThat(webhook.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(alertSent.getParentSpanId()).isEqualTo(webhook.getSpanId());
            assertThat(alertProcessed.getParentSpanId()).isEqualTo(alertSent.getSpanId());
            assertThat(requestSent.getParentSpanId()).as("sent from the outbox, after the batch's transaction")
                    .isEqualTo(alertProcessed.getSpanId());
            assertThat(requestSent.getAttributes().get(AttributeKey.stringKey("messaging.kafka.message.key")))
                    .isEqualTo(target.toString());
        });
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

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).as("traceparent header of " + record.topic()).isNotNull();
        return new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span '" + name + "' in the trace: "
                        + trace.stream().map(SpanData::getName).toList()));
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
