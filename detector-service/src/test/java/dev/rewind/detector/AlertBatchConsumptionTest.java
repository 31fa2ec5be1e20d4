package dev.rewind.detector;

import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.detector.service.AlertProcessor;
import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.platform.messaging.IdempotentConsumer;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Alerts consumed a batch at a time keep the guarantees of one at a time: a record that cannot be processed is
 * dead-lettered with its reason while the rest of its batch applies, and a redelivered batch has no second effect.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertBatchConsumptionTest extends KafkaClientTest {

    /** PostgreSQL refuses text with a NUL character: an alert that is a valid event yet cannot be stored. */
    private static final String UNSTORABLE_FINGERPRINT = "fp-\u0000";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    AlertProcessor processor;

    @Test
    void batchWithAPoisonRecordRejectsOnlyItWithItsReasonAndAppliesTheRest() {
        TargetKey target = uniqueTarget("production");
        TargetKey poisoned = uniqueTarget("production");
        deployTwoReleases(target);
        List<ConsumerRecord<String, String>> batch = List.of(
                record(alert(target, "fp-first", Signal.ERROR_RATE, 0.12)),
                record(alert(poisoned, UNSTORABLE_FINGERPRINT, Signal.ERROR_RATE, 0.12)),
                raw(target, "{\"this is\": not json"),
                record(alert(target, "fp-second", Signal.ERROR_RATE, 0.2)));

        List<IdempotentConsumer.Rejected> rejected = consumer.applyAll(Topics.ALERTS, batch, this::process);

        assertThat(rejected).extracting(IdempotentConsumer.Rejected::index).containsExactly(1, 2);
        assertThat(rejected.get(0).reason()).hasStackTraceContaining("0x00");
        assertThat(rejected.get(1).reason()).hasMessageContaining("malformed");
        assertThat(alerts(target)).extracting(record -> record.fingerprint)
                .containsExactlyInAnyOrder("fp-first", "fp-second");
        assertThat(incidents(target)).isEqualTo(1);
        assertThat(alerts(poisoned)).isEmpty();
    }

    @Test
    void redeliveredBatchAndResendsWithinItHaveNoSecondEffect() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        AlertFired first = alert(target, "fp-storm", Signal.HEALTH_CHECK_FAILING, null);
        AlertFired haResend = new AlertFired(UUID.randomUUID(), first.source(), first.fingerprint(), target,
                first.signal(), null, first.summary(), first.version(), first.labels(), first.annotations(),
                first.startsAt(), first.occurredAt().plusSeconds(1));
        ConsumerRecord<String, String> firstRecord = record(first);
        List<ConsumerRecord<String, String>> batch = List.of(firstRecord, firstRecord, record(haResend),
                record(alert(target, "fp-other", Signal.ERROR_RATE, 0.3)));

        assertThat(consumer.applyAll(Topics.ALERTS, batch, this::process)).isEmpty();
        assertThat(consumer.applyAll(Topics.ALERTS, batch, this::process)).isEmpty();

        assertThat(alerts(target)).extracting(record -> record.decision)
                .satisfiesExactlyInAnyOrder(decision -> assertThat(decision).startsWith("ROLLBACK"),
                        decision -> assertThat(decision).startsWith("ATTACHED"));
        assertThat(incidents(target)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey", target.toString())))
                .as("one IncidentOpened and one RollbackRequested").isEqualTo(2);
    }

    @Test
    void twoConsumersDecidingOnOneNewTargetAtOnceOpenOneIncident() throws Exception {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        List<ConsumerRecord<String, String>> first = List.of(record(alert(target, "fp-a", Signal.ERROR_RATE, 0.12)));
        List<ConsumerRecord<String, String>> second = List.of(record(alert(target, "fp-b", Signal.ERROR_RATE, 0.3)));
        // Two replicas during a rebalance: each batch's own look-ups see no open incident; the database's
        // one-open-incident index makes the later commit retry, and the retry attaches to the incident.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<List<IdempotentConsumer.Rejected>> one = replicas.submit(() -> {
                go.await();
                return consumer.applyAll(Topics.ALERTS, first, this::process);
            });
            Future<List<IdempotentConsumer.Rejected>> two = replicas.submit(() -> {
                go.await();
                return consumer.applyAll(Topics.ALERTS, second, this::process);
            });
            go.countDown();
            assertThat(one.get(1, TimeUnit.MINUTES)).isEmpty();
            assertThat(two.get(1, TimeUnit.MINUTES)).isEmpty();
        } finally {
            replicas.shutdownNow();
        }

        assertThat(incidents(target)).isEqualTo(1);
        assertThat(alerts(target)).extracting(record -> record.decision)
                .satisfiesExactlyInAnyOrder(decision -> assertThat(decision).startsWith("ROLLBACK"),
                        decision -> assertThat(decision).startsWith("ATTACHED"));
    }

    @Test
    void poisonAlertOnTheTopicGoesToTheDeadLetterTopicWithItsReasonAndItsNeighboursApply() {
        TargetKey target = uniqueTarget("production");
        TargetKey poisoned = uniqueTarget("production");
        deployTwoReleases(target);

        kafka.send(Topics.ALERTS, alert(target, "fp-before", Signal.ERROR_RATE, 0.12));
        kafka.send(Topics.ALERTS, alert(poisoned, UNSTORABLE_FINGERPRINT, Signal.ERROR_RATE, 0.12));
        kafka.send(Topics.ALERTS, alert(target, "fp-after", Signal.ERROR_RATE, 0.2));

        ConsumerRecord<String, String> dead = kafka.awaitRecord(Topics.ALERTS.deadLetterTopic(), about(poisoned));
        assertThat(TestKafka.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).contains("0x00");
        await().atMost(TestKafka.PATIENCE).until(() -> alerts(target).size() == 2);
        assertThat(incidents(target)).isEqualTo(1);
    }

    private void process(List<Delivery<AlertEvent>> deliveries) {
        processor.process(deliveries.stream().map(Delivery::event).toList());
    }

    private static ConsumerRecord<String, String> record(RewindEvent event) {
        return consumerRecord(event.target(), EventJson.write(event),
                TestKafka.cloudEventHeaders(UUID.randomUUID(), Topic.typeOf(event.getClass()), event));
    }

    private static ConsumerRecord<String, String> raw(TargetKey target, String value) {
        return consumerRecord(target, value, TestKafka.cloudEventHeaders(UUID.randomUUID(),
                Topic.typeOf(AlertFired.class), alert(target, "fp-raw", Signal.UNKNOWN, null)));
    }

    private static ConsumerRecord<String, String> consumerRecord(TargetKey target, String value,
                                                                 Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, header) -> recordHeaders.add(name, header.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(Topics.ALERTS.name(), 0, 0, 0L, TimestampType.CREATE_TIME, -1, -1,
                target.toString(), value, recordHeaders, Optional.empty());
    }

    private static List<AlertRecord> alerts(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(
                AlertRecord.<AlertRecord>list("target", target.toString())));
    }

    private static long incidents(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentRecord.count("target", target.toString()));
    }
}
