package dev.rewind.detector.api;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the Alertmanager webhook is application/problem+json naming the field (a JSON path) and the rule
 * it breaks, in JSON's words: never an empty body, never a Java type name, never a 500 for the client's mistake.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertWebhookErrorsTest {

    static final String TOKEN = "Bearer test-webhook-token";
    static final String WEBHOOK = "/api/v1/alerts/alertmanager";
    /** What a Java type name, a Jackson internal or a stack trace looks like in a response body. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "java\\.|jakarta\\.|com\\.fasterxml|dev\\.rewind|io\\.quarkus|`|Exception|OffsetDateTime|LinkedHashMap");
    private static final String DNS_RULE = "must be a DNS-1123 label (lower-case letters, digits and '-', at most 63 "
            + "characters";

    static List<Arguments> mistakes() {
        return List.of(
                // The body as a whole: no field at fault, the detail says what is wrong.
                raw("a JSON array as body", "[" + fixture() + "]", null,
                        "the request body must be a JSON object, got an array"),
                raw("not JSON", "hello", null, "the request body is not valid JSON (line 1, column"),
                raw("truncated JSON", fixture().substring(0, 40), null,
                        "the request body ends before the JSON document does (truncated?) (line 1, column"),
                raw("an empty body", "", null, "the request body is empty"),
                edited("nesting deeper than 32 levels", p -> p.set("extra", nested(40)), null,
                        "nests JSON objects and arrays more than 32 levels deep"),
                // Wrong JSON types, named by path.
                edited("alerts not a list", p -> p.putObject("alerts").put("0", "x"), "alerts",
                        "must be a JSON array, got an object"),
                edited("alerts a string", p -> p.put("alerts", "x"), "alerts", "must be a JSON array, got a string"),
                edited("labels a list", p -> alert(p).putArray("labels"), "alerts[0].labels",
                        "must be a JSON object, got an array"),
                edited("labels a number", p -> alert(p).put("labels", 5), "alerts[0].labels",
                        "must be a JSON object, got a number"),
                edited("annotations a list", p -> alert(p).putArray("annotations").add("x"), "alerts[0].annotations",
                        "must be a JSON object, got an array"),
                edited("a label value that is an object", p -> labels(p).putObject("severity").put("a", 1),
                        "alerts[0].labels.severity", "must be a string, got an object"),
                edited("a label value that is a number", p -> labels(p).put("severity", 5),
                        "alerts[0].labels.severity", "must be a string, got a number"),
                edited("a label value that is null", p -> labels(p).putNull("severity"),
                        "alerts[0].labels.severity", "must be a string, got null"),
                edited("an annotation value that is a list", p -> alert(p).putObject("annotations").putArray("x"),
                        "alerts[0].annotations.x", "must be a string, got an array"),
                edited("a bad timestamp", p -> alert(p).put("startsAt", "yesterday"), "alerts[0].startsAt",
                        "must be an RFC 3339 timestamp such as 2026-11-15T14:25:31Z, got \"yesterday\""),
                edited("a number out of range", p -> p.put("truncatedAlerts", 99_999_999_999L), "truncatedAlerts",
                        "is out of range"),
                edited("a null alert", p -> ((ArrayNode) p.get("alerts")).insertNull(0), "alerts[0]",
                        "must be an alert object, not null"),
                edited("an alert without status", p -> alert(p).remove("status"), "alerts[0].status",
                        "is required: firing or resolved"),
                // Target labels present but invalid: reported as invalid with the rule, never as missing.
                edited("a 300-character service label", p -> labels(p).put("service", "a".repeat(300)),
                        "alerts[0].labels.service", DNS_RULE + "|is 300 characters long"),
                edited("a slash in the namespace label", p -> labels(p).put("namespace", "shop/checkout"),
                        "alerts[0].labels.namespace", DNS_RULE + "|contains '/'"),
                edited("a non-ASCII service label", p -> labels(p).put("service", "café"),
                        "alerts[0].labels.service", DNS_RULE + "|contains the non-ASCII character 'é'"),
                edited("an upper-case environment label", p -> labels(p).put("environment", "Production"),
                        "alerts[0].labels.environment", DNS_RULE + "|contains the upper-case letter 'P'"));
    }

    /** @param message what the detail (no field) or the violation's message contains; parts separated by '|' */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void refusesWithAProblemNamingTheFieldAndTheRule(String name, String body, String field, String message) {
        ExtractableResponse<Response> response = given().header("Authorization", TOKEN)
                .contentType("application/json").body(body).post(WEBHOOK)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", is(400)).body("title", is("Bad Request"))
                .extract();

        String[] parts = message.split("\\|");
        if (field == null) {
            assertThat(response.jsonPath().getString("detail")).contains(parts);
            assertThat(response.jsonPath().getList("violations")).isNull();
        } else {
            assertThat(response.jsonPath().getString("violations[0].field")).isEqualTo(field);
            assertThat(response.jsonPath().getString("violations[0].in")).isEqualTo("body");
            assertThat(response.jsonPath().getString("violations[0].message")).contains(parts);
            assertThat(response.jsonPath().getString("detail")).contains(field);
        }
        assertThat(response.body().asString()).doesNotContainPattern(JAVA_NAMES).doesNotContain("missing label");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupportedMediaTypeNamingTheTypeToSend() {
        given().header("Authorization", TOKEN).contentType("text/plain").body(fixture()).post(WEBHOOK)
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", is(415))
                .body("detail", containsString("Content-Type text/plain"))
                .body("detail", containsString("application/json"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().header("Authorization", TOKEN).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static Arguments raw(String name, String body, String field, String message) {
        return Arguments.of(name, body, field, message);
    }

    private static Arguments edited(String name, Consumer<ObjectNode> edit, String field, String message) {
        ObjectNode payload = tree(fixture());
        edit.accept(payload);
        return Arguments.of(name, payload.toString(), field, message);
    }

    static String fixture() {
        return EventFixtures.alertmanagerFiring(uniqueTarget("production"));
    }

    static ObjectNode alert(ObjectNode payload) {
        return (ObjectNode) payload.at("/alerts/0");
    }

    static ObjectNode labels(ObjectNode payload) {
        return (ObjectNode) payload.at("/alerts/0/labels");
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }

    static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
