package dev.rewind.detector;

import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.awaitClosed;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.detector.Detections.incident;
import static dev.rewind.detector.Detections.request;
import static dev.rewind.detector.Detections.rollbackRequests;
import static dev.rewind.detector.Detections.rolledBack;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.events.EventJson;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the detector's incidents end, and what a target's next alert storm then meets. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class IncidentClosingTest extends KafkaClientTest {

    @Test
    void anExpiredRequestClosesItsIncidentSoTheNextAlertOpensANewOneWithoutACooldown() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        kafka.send(Topics.ALERTS, alert(target, "fp-waiting", Signal.ERROR_RATE, 0.12));
        RollbackRequested first = request(kafka, target, 1);

        kafka.send(Topics.INCIDENT_EVENTS, new ApprovalExpired(first.incidentId(), target, first.requestId(),
                first.occurredAt(), Instant.now()));
        awaitClosed(first.incidentId());
        kafka.send(Topics.ALERTS, alert(target, "fp-after-expiry", Signal.ERROR_RATE, 0.12));

        RollbackRequested second = request(kafka, target, 2);
        assertThat(second.incidentId()).isNotEqualTo(first.incidentId());
        assertThat(second.hold()).as("nothing was rolled back: no cooldown").isNull();
        assertThat(incident(first.incidentId()).rolledBackAt).isNull();
    }

    @Test
    void onceEveryAlertOfAnIncidentResolvedItIsAnnouncedOnce() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        AlertFired errors = alert(target, "fp-errors", Signal.ERROR_RATE, 0.12);
        AlertFired latency = alert(target, "fp-latency", Signal.ERROR_RATE, 0.2);
        kafka.send(Topics.ALERTS, errors);
        RollbackRequested request = request(kafka, target, 1);
        kafka.send(Topics.ALERTS, latency);
        await().until(() -> alertsOf(request.incidentId()) == 2);

        kafka.send(Topics.ALERTS, resolved(errors));
        await().until(() -> alertsOf(request.incidentId()) == 3);
        assertThat(incident(request.incidentId()).alertsResolvedAt).as("one alert still firing").isNull();
        kafka.send(Topics.ALERTS, resolved(latency));
        kafka.send(Topics.ALERTS, resolved(latency));

        IncidentAlertsResolved resolved = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, IncidentAlertsResolved.class)).value(), IncidentAlertsResolved.class);
        assertThat(resolved.incidentId()).isEqualTo(request.incidentId());
        assertThat(resolved.alerts()).containsExactly("fp-errors", "fp-latency");
        assertThat(incident(request.incidentId()).alertsResolvedAt).isNotNull();
    }

    private static AlertResolved resolved(AlertFired fired) {
        return new AlertResolved(UUID.randomUUID(), fired.source(), fired.fingerprint(), fired.target(),
                fired.signal(), fired.startsAt(), Instant.now(), Instant.now());
    }

    private static long alertsOf(UUID incident) {
        return QuarkusTransaction.requiringNew().call(() -> AlertRecord.count("incidentId", incident));
    }

    @Test
    void withinTheCooldownADeploymentThatCannotBeReadIsDeclinedNotHeld() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        kafka.send(Topics.ALERTS, alert(target, "fp-first", Signal.ERROR_RATE, 0.12));
        rolledBack(kafka, request(kafka, target, 1), Instant.now());
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).delete();

        kafka.send(Topics.ALERTS, alert(target, "fp-gone", Signal.ERROR_RATE, 0.2));

        RollbackDeclined declined = EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackDeclined.class)).value(), RollbackDeclined.class);
        assertThat(declined.code()).isEqualTo(DeclineReason.NEEDS_HUMAN);
        assertThat(rollbackRequests(target)).as("no held request without the release judged bad").isOne();
    }
}
