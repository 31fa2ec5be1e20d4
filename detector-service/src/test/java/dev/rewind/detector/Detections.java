package dev.rewind.detector;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.awaitility.Awaitility.await;

import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the detector's tests seed in the sandbox and send to Kafka, and read back from its tables and topics. */
final class Detections {

    static final String IMAGE = "registry.example/shop/checkout";

    private Detections() {
    }

    /** Seeds the target's Deployment at revision 2 (v1.3.0, after v1.2.5). */
    static Deployment deployTwoReleases(TargetKey target) {
        return deploy(target, "v1.2.5", "v1.3.0");
    }

    /** Seeds the target's Deployment through {@code versions} (image tags), the last one running. */
    static Deployment deploy(TargetKey target, String... versions) {
        return KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(), IMAGE,
                List.of(versions));
    }

    static AlertFired alert(TargetKey target, String fingerprint, Signal signal, Double value) {
        return alert(target, fingerprint, signal, value, EventFixtures.event(AlertFired.class).labels());
    }

    static AlertFired alert(TargetKey target, String fingerprint, Signal signal, Double value,
                            Map<String, String> labels) {
        AlertFired fixture = EventFixtures.event(AlertFired.class);
        return new AlertFired(UUID.randomUUID(), fixture.source(), fingerprint, target, signal, value, null,
                fixture.version(), labels, fixture.annotations(), fixture.startsAt(), fixture.occurredAt());
    }

    /** The {@code n}th rollback request about {@code target} (1 for the first), once published. */
    static RollbackRequested request(TestKafka kafka, TargetKey target, int n) {
        return EventJson.read(kafka.awaitRecords(Topics.ROLLBACK_REQUESTS.name(), about(target), n).get(n - 1).value(),
                RollbackRequested.class);
    }

    /** Reports {@code request}'s rollback succeeded at {@code at}, and waits until the detector closed its incident. */
    static void rolledBack(TestKafka kafka, RollbackRequested request, Instant at) {
        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(request.incidentId(), request.target(),
                fixture.executionId(), fixture.method(), "v1.3.0", "v1.2.5", fixture.message(), at));
        awaitClosed(request.incidentId());
    }

    static void awaitClosed(UUID incidentId) {
        await().atMost(TestKafka.PATIENCE).until(() -> incident(incidentId).state == IncidentRecord.State.CLOSED);
    }

    static IncidentRecord incident(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentRecord.<IncidentRecord>findById(incidentId));
    }

    /** Rollback requests about {@code target} in the outbox, committed with the decision that published them. */
    static long rollbackRequests(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count(
                "recordKey = ?1 and topic = ?2", target.toString(), Topics.ROLLBACK_REQUESTS.name()));
    }
}
