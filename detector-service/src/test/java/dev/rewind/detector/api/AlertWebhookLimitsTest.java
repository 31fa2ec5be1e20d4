package dev.rewind.detector.api;

import static dev.rewind.detector.api.AlertWebhookErrorsTest.TOKEN;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.WEBHOOK;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.alert;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.labels;
import static dev.rewind.detector.api.AlertWebhookErrorsTest.tree;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webhook's input limits: a body over the documented size is refused before it is read, a payload over a
 * per-field limit is refused naming the field and the limit's key, and nothing that would not fit in one Kafka
 * record is ever accepted (refused whole, before anything is committed).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertWebhookLimitsTest {

    private static final long MAX_BODY_SIZE = 1024 * 1024;

    @Inject
    DataSource database;

    static List<Arguments> oversized() {
        return List.of(
                Arguments.of("a label value over 1024 characters",
                        edit(p -> labels(p).put("severity", "x".repeat(1025))),
                        "alerts[0].labels.severity", "is 1025 characters long, more than the 1024 allowed "
                                + "(rewind.detector.webhook.limits.label-value-length)"),
                Arguments.of("an annotation value over 16 KiB", edit(p -> annotations(p).put("description",
                                "d".repeat(16385))), "alerts[0].annotations.description",
                        "more than the 16384 allowed (rewind.detector.webhook.limits.annotation-value-length)"),
                Arguments.of("more than 64 labels", edit(p -> IntStream.range(0, 64)
                                .forEach(i -> labels(p).put("extra_" + i, "v"))), "alerts[0].labels",
                        "more than the 64 allowed (rewind.detector.webhook.limits.labels)"),
                Arguments.of("more than 32 annotations", edit(p -> IntStream.range(0, 32)
                                .forEach(i -> annotations(p).put("extra_" + i, "v"))), "alerts[0].annotations",
                        "more than the 32 allowed (rewind.detector.webhook.limits.annotations)"),
                Arguments.of("more than 500 alerts", edit(p -> IntStream.range(0, 500)
                                .forEach(i -> ((ArrayNode) p.get("alerts")).add(alert(p).deepCopy()))), "alerts",
                        "has 501 alerts, more than the 500 one payload may carry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversized")
    void aPayloadOverAFieldLimitIsRefusedNamingTheFieldAndTheLimit(String name, String body, String field,
                                                                    String message) {
        given().header("Authorization", TOKEN).contentType("application/json").body(body).post(WEBHOOK)
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", is(413))
                .body("detail", containsString("nothing was accepted"))
                .body("violations[0].field", is(field))
                .body("violations[0].message", containsString(message));
    }

    @Test
    void anAlertThatWouldNotFitInOneKafkaRecordIsRefusedAndNothingOfThePayloadIsCommitted() throws SQLException {
        TargetKey fits = uniqueTarget("production");
        TargetKey tooLarge = uniqueTarget("production");
        ObjectNode payload = tree(EventFixtures.alertmanagerFiring(fits));
        ObjectNode large = tree(EventFixtures.alertmanagerFiring(tooLarge));
        // Within every per-field limit (64 labels of 1,024 characters, 32 annotations of 16 KiB), over 512 KiB.
        IntStream.range(labels(large).size(), 64).forEach(i -> labels(large).put("extra_" + i, "l".repeat(1024)));
        IntStream.range(annotations(large).size(), 32).forEach(i -> annotations(large).put("note_" + i,
                "n".repeat(16_384)));
        ((ArrayNode) payload.get("alerts")).add(alert(large));

        given().header("Authorization", TOKEN).contentType("application/json").body(payload.toString()).post(WEBHOOK)
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", is("alerts[1]"))
                .body("violations[0].message", containsString("one Kafka record may carry "
                        + "(rewind.detector.webhook.limits.event-size)"));

        assertThat(outboxRecordsAbout(fits)).isZero();
        assertThat(outboxRecordsAbout(tooLarge)).isZero();
    }

    @Test
    void aBodyOverTheMaximumSizeIsRefusedWithAProblemBeforeItIsSent() throws IOException {
        // Declared, not sent: the server answers from the headers, as it should to a client streaming 10 MB.
        String response = exchange("POST " + WEBHOOK + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (MAX_BODY_SIZE + 1) + "\r\n\r\n{\"version\": \"4\"");

        assertThat(response).startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413")
                .contains("more than the " + MAX_BODY_SIZE + " bytes this service accepts "
                        + "(quarkus.http.limits.max-body-size)");
    }

    @Test
    void aClientThatSendsAllOfABodyOverTheMaximumSizeStillReadsTheRefusal() throws IOException {
        // Closing with the body unread would reset the connection under a client still writing it.
        String body = " ".repeat((int) MAX_BODY_SIZE * 4);
        String response = exchange("POST " + WEBHOOK + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);

        assertThat(response).startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");
    }

    @Test
    void aBodySentInChunksWithoutALengthIsRefusedWithAProblemNotAnEmpty413() throws IOException {
        // Quarkus could only cut such a body off once over the limit, with an empty 413 and a closed connection.
        String response = exchange("POST " + WEBHOOK + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nf\r\n{\"version\": \"4\"\r\n");

        assertThat(response).startsWith("HTTP/1.1 411")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":411")
                .contains("send it again with a Content-Length header");
    }

    private static String edit(Consumer<ObjectNode> change) {
        ObjectNode payload = tree(EventFixtures.alertmanagerFiring(uniqueTarget("production")));
        change.accept(payload);
        return payload.toString();
    }

    private static ObjectNode annotations(ObjectNode payload) {
        return (ObjectNode) payload.at("/alerts/0/annotations");
    }

    private long outboxRecordsAbout(TargetKey target) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE record_key = ?")) {
            query.setString(1, target.toString());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Sends {@code request} as written and reads the answer until the server closes the connection. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read; (read = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
