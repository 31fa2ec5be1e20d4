package dev.rewind.detector;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.platform.messaging.Channels;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.messaging.OutboxRelay;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against the real broker: a record Kafka refuses is parked with its reason and holds back nothing,
 * records behind a failing one of their key wait while other keys go on, readiness reports the outbox's age, and a
 * parked record can be replayed. Records are written straight into the outbox (bypassing its size guard) on a topic
 * of their own, which no service consumes.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class OutboxRelayTest extends KafkaClientTest {

    private static final String TOPIC = "rewind.test.outbox-relay";
    private static final String CHECK = "checks.find { it.name == 'Outbox relay' }";
    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    KafkaClientService kafkaClients;

    @Test
    void outboxProducerIsIdempotentWithAcksAllAndTheDeliveryTimeoutTheRelayWaitsOut() {
        Map<String, Object> producer = Map.copyOf(kafkaClients.getProducer(Channels.OUTBOX).configuration());

        assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("max.in.flight.requests.per.connection", "5")
                .containsEntry("delivery.timeout.ms", "30000").containsEntry("max.block.ms", "10000")
                .containsEntry("max.request.size", "1048576");
    }

    @Test
    void recordKafkaRefusesIsParkedWithItsReasonAndHoldsBackNeitherItsKeyNorOthers() {
        String key = uniqueKey();
        OutboxRecord tooLarge = row(key, "{\"annotation\":\"" + "x".repeat(2_000_000) + "\"}");
        OutboxRecord sameKeyLater = row(key, "{\"n\":2}");
        OutboxRecord otherKey = row(uniqueKey(), "{\"n\":3}");

        insert(tooLarge, sameKeyLater, otherKey);

        awaitPublished(otherKey);
        awaitPublished(sameKeyLater);
        OutboxRecord parked = awaitParked(tooLarge, Instant.EPOCH);
        assertThat(parked.parkReason).startsWith("RecordTooLargeException: The message is 2000");
        assertThat(parked.publishedAt).isNull();
        assertThat(parked.attempts).isEqualTo(1);
        String listed = "records.find { it.position == " + parked.position + " }";
        given().get("/api/v1/outbox/parked?limit=1000").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body(listed + ".topic", is(TOPIC))
                .body(listed + ".key", is(key))
                .body(listed + ".type", is(parked.eventType))
                .body(listed + ".eventId", is(parked.eventId.toString()))
                .body(listed + ".reason", startsWith("RecordTooLargeException"));
        given().get("/q/health/ready").then().statusCode(200)
                .body(CHECK + ".status", is("UP"))
                .body(CHECK + ".data.parked", greaterThanOrEqualTo(1));

        given().post("/api/v1/outbox/parked/{position}/replay", parked.position).then().statusCode(202)
                .body("status", is("PENDING"));

        OutboxRecord parkedAgain = awaitParked(tooLarge, parked.parkedAt);
        assertThat(parkedAgain.parkReason).startsWith("RecordTooLargeException");
    }

    @Test
    void replayPublishesAParkedRecordAndRefusesUnknownOrUnparkedPositionsAndBadLimitsWithProblemDetails() {
        OutboxRecord parked = row(uniqueKey(), "{\"n\":1}");
        parked.attempts = 1;
        parked.parkedAt = Instant.now();
        parked.parkReason = "TopicAuthorizationException: Not authorized to access topics (simulated, since fixed)";
        parked.lastError = parked.parkReason;
        insert(parked);
        given().get("/api/v1/outbox/parked?limit=1000").then().statusCode(200)
                .body("records.find { it.position == " + parked.position + " }.reason",
                        startsWith("TopicAuthorizationException"));

        given().post("/api/v1/outbox/parked/{position}/replay", parked.position).then().statusCode(202)
                .body("position", is(parked.position.intValue())).body("status", is("PENDING"));

        awaitPublished(parked);
        given().post("/api/v1/outbox/parked/{position}/replay", parked.position).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is not parked"));
        given().post("/api/v1/outbox/parked/{position}/replay", Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no record at position"));
        given().get("/api/v1/outbox/parked?limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'limit' must be a whole number"));
    }

    @Test
    void recordsBehindAFailingRecordOfTheirKeyWaitWhileOtherKeysGoOnAndReadinessReportsTheAge() {
        String key = uniqueKey();
        OutboxRecord failing = row(key, "{\"n\":1}");
        failing.createdAt = Instant.now().minus(Duration.ofMinutes(10));
        failing.attempts = 1;
        failing.lastError = "TimeoutException: Expiring 1 record(s) (simulated broker outage)";
        failing.nextAttemptAt = Instant.now().plus(Duration.ofHours(1));
        OutboxRecord sameKeyLater = row(key, "{\"n\":2}");
        OutboxRecord otherKey = row(uniqueKey(), "{\"n\":3}");
        insert(failing, sameKeyLater, otherKey);
        try {
            awaitPublished(otherKey);
            assertThat(reload(sameKeyLater).publishedAt).as("waits behind the failing record of its key").isNull();
            given().get("/q/health/ready").then().statusCode(503)
                    .body(CHECK + ".status", is("DOWN"))
                    .body(CHECK + ".data.oldestPendingAgeSeconds", greaterThanOrEqualTo(600))
                    .body(CHECK + ".data.reason", containsString("max-pending-age"));

            QuarkusTransaction.requiringNew().run(() -> OutboxRecord.update("nextAttemptAt = ?1 where position = ?2",
                    Instant.now(), failing.position));
            relay.wakeUp();

            awaitPublished(sameKeyLater);
            List<ConsumerRecord<String, String>> ofKey = kafka.awaitRecords(TOPIC, r -> key.equals(r.key()), 2);
            assertThat(ofKey).extracting(r -> TestKafka.header(r, CloudEventHeaders.ID))
                    .startsWith(failing.eventId.toString(), sameKeyLater.eventId.toString());
            given().get("/q/health/ready").then().statusCode(200).body(CHECK + ".status", is("UP"));
        } finally {
            // Never leave an old pending record behind: it would turn readiness DOWN for the next tests.
            QuarkusTransaction.requiringNew().run(() -> OutboxRecord.delete(
                    "recordKey = ?1 and publishedAt is null", key));
        }
    }

    @Test
    void eventOverTheSizeLimitIsRefusedAndItsTransactionRolledBackBeforeItEntersTheOutbox() {
        TargetKey target = uniqueTarget("production");
        AlertFired small = alert(target, Map.of());
        AlertFired huge = alert(target, Map.of("description", "x".repeat(1_000_000)));

        Throwable thrown = catchThrowable(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(Topics.ALERTS, small);
            outbox.publish(Topics.ALERTS, huge);
        }));

        assertThat(thrown).isInstanceOf(OutboxEventTooLarge.class)
                .hasMessageContaining("over the outbox limit of 900000 bytes");
        assertThat(((OutboxEventTooLarge) thrown).bytes()).isGreaterThan(1_000_000);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey", target.toString())))
                .as("neither event of the rolled-back transaction").isZero();
    }

    private void insert(OutboxRecord... records) {
        QuarkusTransaction.requiringNew().run(() -> Arrays.stream(records).forEach(r -> r.persist()));
        relay.wakeUp();
    }

    private static void awaitPublished(OutboxRecord record) {
        kafka.awaitRecord(TOPIC, TestKafka.withHeader(CloudEventHeaders.ID, record.eventId.toString()));
        await().atMost(TestKafka.PATIENCE).until(() -> reload(record).publishedAt != null);
    }

    private static OutboxRecord awaitParked(OutboxRecord record, Instant after) {
        await().atMost(TestKafka.PATIENCE).until(() -> {
            OutboxRecord current = reload(record);
            return current.parkedAt != null && current.parkedAt.isAfter(after);
        });
        return reload(record);
    }

    private static OutboxRecord reload(OutboxRecord record) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.<OutboxRecord>findById(record.position));
    }

    private static OutboxRecord row(String key, String payload) {
        OutboxRecord record = new OutboxRecord();
        record.eventId = UUID.randomUUID();
        record.topic = TOPIC;
        record.recordKey = key;
        record.eventType = "dev.rewind.test.outbox-relay.v1";
        record.subject = "outbox-relay-test";
        record.occurredAt = Instant.now();
        record.payload = payload;
        record.createdAt = Instant.now();
        return record;
    }

    private static String uniqueKey() {
        return uniqueTarget("production").toString();
    }

    private static AlertFired alert(TargetKey target, Map<String, String> annotations) {
        AlertFired fixture = EventFixtures.event(AlertFired.class);
        return new AlertFired(UUID.randomUUID(), fixture.source(), "fp-size", target, fixture.signal(),
                fixture.observedValue(), fixture.summary(), fixture.version(), fixture.labels(), annotations,
                fixture.startsAt(), fixture.occurredAt());
    }
}
