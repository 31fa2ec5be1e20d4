package dev.rewind.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.metrics.RewindMetric;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Rewind service must show, run by each service's test that extends it: it is ready with its Kafka and
 * database checks up; records that are not valid events land in {@code <topic>.dlq} with the reason, and the next
 * valid record is still processed; its OpenAPI document describes every endpoint it serves, with the problem+json
 * refusals, and Swagger UI is served.
 */
public abstract class ServiceContract extends KafkaClientTest {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** The topic the service consumes. */
    protected abstract Topic<?> inputTopic();

    /** A valid event of the input topic about {@code target}. */
    protected abstract RewindEvent validEvent(TargetKey target);

    /** Waits until the effect of {@link #validEvent} for {@code target} is stored. */
    protected abstract void awaitEffect(TargetKey target);

    /** The environment of the targets this test uses. */
    protected String environment() {
        return "development";
    }

    @Test
    void isReadyWithKafkaAndDatabaseChecksUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check",
                        "Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void invalidRecordsGoToTheDeadLetterTopicWithTheReasonAndTheNextRecordIsProcessed() {
        TargetKey target = PublishedEvents.uniqueTarget(environment());
        RewindEvent valid = validEvent(target);
        String type = Topic.typeOf(valid.getClass());
        String key = target.toString();
        double deadLettered = ScrapedMetrics.scrape().sum(RewindMetric.DEAD_LETTERED.prometheusName(), Map.of());

        kafka.sendRaw(inputTopic().name(), key, "{\"this is\": not json", headers(type, valid));
        kafka.sendRaw(inputTopic().name(), key, "{}", headers("dev.rewind.nothing.happened.v1", valid));
        Map<String, String> noId = headers(type, valid);
        noId.remove(CloudEventHeaders.ID);
        kafka.sendRaw(inputTopic().name(), key, EventJson.write(valid), noId);
        kafka.send(castTopic(), valid);

        awaitEffect(target);
        List<ConsumerRecord<String, String>> dead =
                kafka.awaitRecords(inputTopic().deadLetterTopic(), PublishedEvents.about(target), 3);
        assertThat(dead).extracting(r -> TestKafka.header(r, CloudEventHeaders.DEAD_LETTER_REASON))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("malformed"),
                        reason -> assertThat(reason).contains("unknown CloudEvents type 'dev.rewind.nothing.happened.v1'"),
                        reason -> assertThat(reason).contains("missing CloudEvents id"));
        assertThat(dead.get(0).value()).isEqualTo("{\"this is\": not json");
        await().untilAsserted(() -> assertThat(ScrapedMetrics.scrape()
                .sum(RewindMetric.DEAD_LETTERED.prometheusName(), Map.of()))
                .as("rewind_dead_lettered_total").isGreaterThanOrEqualTo(deadLettered + 3));
    }

    @Test
    void exportsItsOutboxBacklogReadFromTheDatabase() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);

        await().untilAsserted(() -> {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            assertThat(metrics.sum(RewindMetric.OUTBOX_PENDING.prometheusName(), Map.of("service", service)))
                    .as("rewind_outbox_pending, NaN until the table was read").isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum(RewindMetric.OUTBOX_OLDEST_PENDING_AGE.prometheusName(), Map.of()))
                    .isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum(RewindMetric.OUTBOX_PARKED.prometheusName(), Map.of())).isNotNaN();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentsEveryEndpointInOpenApiWithItsRefusalsAndServesSwaggerUi() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Set<ResourceOperations.Operation> declared = ResourceOperations.ofThisServiceAndPlatform();
        List<String> documented = paths.entrySet().stream().flatMap(path -> path.getValue().keySet().stream()
                .filter(HTTP_METHODS::contains)
                .map(method -> method.toUpperCase(Locale.ROOT) + " " + path.getKey())).sorted().toList();

        assertThat(documented).as("operations in /q/openapi").containsExactlyInAnyOrderElementsOf(
                declared.stream().map(ResourceOperations.Operation::toString).toList());
        assertThat(document.getString("info.title")).startsWith("Rewind ");
        assertThat(document.getString("info.version")).isNotBlank();
        for (ResourceOperations.Operation operation : declared) {
            Map<String, Object> documentedOperation =
                    paths.get(operation.path()).get(operation.method().toLowerCase(Locale.ROOT));
            assertThat(documentedOperation).as("%s", operation).containsKey("responses");
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) (Map<?, ?>)
                    documentedOperation.get("responses");
            assertThat(responses.keySet()).as("%s answers a success", operation).anyMatch(code -> code.startsWith("2"));
            assertThat(responses.get("500")).as("%s's 500", operation).isNotNull();
            assertThat((Map<String, Object>) responses.get("500").get("content")).as("%s's 500", operation)
                    .containsKey("application/problem+json");
            if (operation.secured()) {
                assertThat((List<?>) documentedOperation.get("security")).as("%s's security", operation)
                        .isNotEmpty();
                assertThat(responses).as("%s's responses", operation).containsKeys("401", "403");
            }
        }
        assertThat(ConfigProvider.getConfig().getValue("quarkus.swagger-ui.always-include", Boolean.class))
                .as("Swagger UI in production builds too").isTrue();
        given().when().get("/q/swagger-ui").then().statusCode(200);
    }

    /** The headers a producer would write for {@code about}, claiming CloudEvents type {@code type}. */
    private static Map<String, String> headers(String type, RewindEvent about) {
        return TestKafka.cloudEventHeaders(UUID.randomUUID(), type, about);
    }

    @SuppressWarnings("unchecked")
    private <E extends RewindEvent> Topic<E> castTopic() {
        return (Topic<E>) inputTopic();
    }
}
