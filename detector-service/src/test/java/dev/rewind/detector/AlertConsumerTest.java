package dev.rewind.detector;

import static dev.rewind.detector.Detections.IMAGE;
import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.detector.Detections.rollbackRequests;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Release;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.Hold;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.ServiceContract;
import dev.rewind.platform.testing.TestKafka;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertConsumerTest extends ServiceContract {

    private static final String SERVICE = "detector-service";

    @Test
    void errorRateAlertOpensAnIncidentAndRequestsARollbackThroughTheOutbox() {
        TargetKey target = uniqueTarget("production");
        Deployment deployment = deployTwoReleases(target);
        AlertFired alert = alert(target, "fp-errors", Signal.ERROR_RATE, 0.12);

        kafka.send(Topics.ALERTS, alert);

        RollbackRequested request = assertCloudEvent(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)),
                Topics.ROLLBACK_REQUESTS, RollbackRequested.class, SERVICE);
        assertThat(request.severity()).isEqualTo(Severity.P1);
        assertThat(request.mode()).isEqualTo(ExecutionMode.AUTOMATED);
        assertThat(request.reason()).isEqualTo("High error rate (12% 5xx errors)");
        assertThat(request.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.alertId()).isEqualTo(alert.alertId());
            assertThat(evidence.observedValue()).isEqualTo(0.12);
            assertThat(evidence.threshold()).as("the matrix's error-rate threshold").isEqualTo(0.05);
        });
        assertThat(request.requestedBy()).isEqualTo("rewind-detector");
        assertThat(request.hold()).isNull();
        assertThat(request.deployedBy()).as("the Deployment carries no deployed-by annotation").isNull();
        assertThat(request.release()).as("the release judged bad, read from the cluster when deciding")
                .isEqualTo(new Release(2, Map.of(target.service(), IMAGE + ":v1.3.0")))
                .isEqualTo(DeploymentRevisions.releaseOf(deployment));
        assertThat(request.rollbackTo()).as("kubectl's undo target: the previous revision's images")
                .isEqualTo(new Release(1, Map.of(target.service(), IMAGE + ":v1.2.5")));

        IncidentOpened opened = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, IncidentOpened.class)),
                Topics.INCIDENT_EVENTS, IncidentOpened.class, SERVICE);
        assertThat(opened.incidentId()).isEqualTo(request.incidentId());
        assertThat(opened.incidentNumber()).isEqualTo(request.incidentNumber()).isPositive();
        assertThat(opened.version()).isEqualTo("v1.3.0");

        IncidentRecord stored = QuarkusTransaction.requiringNew()
                .call(() -> IncidentRecord.<IncidentRecord>findById(opened.incidentId()));
        assertThat(stored.target).isEqualTo(target.toString());
        assertThat(stored.state).isEqualTo(IncidentRecord.State.OPEN);
        assertThat(stored.severity).isEqualTo(Severity.P1);
        assertThat(storedAlert(alert.alertId()).incidentId).isEqualTo(opened.incidentId());
    }

    @Test
    void minorBugIsDeclinedAsFixForward() {
        TargetKey target = uniqueTarget("production");

        kafka.send(Topics.ALERTS, alert(target, "fp-ui", Signal.MINOR_BUG, null));

        RollbackDeclined declined = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class)),
                Topics.INCIDENT_EVENTS, RollbackDeclined.class, SERVICE);
        assertThat(declined.code()).isEqualTo(DeclineReason.FIX_FORWARD);
        assertThat(rollbackRequests(target)).as("the matrix's own decline holds nothing to override").isZero();
    }

    @Test
    void redeliveredAlertAndAlertmanagerResendHaveNoSecondEffect() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        AlertFired alert = alert(target, "fp-dup", Signal.HEALTH_CHECK_FAILING, null);
        AlertFired resend = new AlertFired(UUID.randomUUID(), alert.source(), alert.fingerprint(), target,
                alert.signal(), null, alert.summary(), alert.version(), alert.labels(), alert.annotations(),
                alert.startsAt(), alert.occurredAt().plusSeconds(15));
        AlertFired later = alert(target, "fp-later", Signal.ERROR_RATE, 0.3);

        UUID id = kafka.send(Topics.ALERTS, alert);
        kafka.send(Topics.ALERTS, id, alert);
        kafka.send(Topics.ALERTS, resend);
        kafka.send(Topics.ALERTS, later);

        await().atMost(TestKafka.PATIENCE).until(() -> storedAlert(later.alertId()) != null);
        AlertRecord attached = storedAlert(later.alertId());
        assertThat(attached.decision).startsWith("ATTACHED");
        assertThat(count(AlertRecord.class, target)).isEqualTo(2);
        assertThat(count(IncidentRecord.class, target)).isEqualTo(1);
        long outboxRows = QuarkusTransaction.requiringNew().call(
                () -> OutboxRecord.count("recordKey", target.toString()));
        assertThat(outboxRows).as("one IncidentOpened and one RollbackRequested").isEqualTo(2);
    }

    @Test
    void nextAlertStormAfterTheCooldownOfASuccessfulRollbackOpensANewIncidentAndRequest() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        kafka.send(Topics.ALERTS, alert(target, "fp-first", Signal.HEALTH_CHECK_FAILING, null));
        RollbackRequested first = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);

        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(first.incidentId(), target, fixture.executionId(),
                fixture.method(), fixture.fromVersion(), fixture.toVersion(), fixture.message(), fixture.occurredAt()));
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> IncidentRecord.<IncidentRecord>findById(first.incidentId()).state) == IncidentRecord.State.CLOSED);
        kafka.send(Topics.ALERTS, alert(target, "fp-second", Signal.HEALTH_CHECK_FAILING, null));

        List<ConsumerRecord<String, String>> requests =
                kafka.awaitRecords(Topics.ROLLBACK_REQUESTS.name(), about(target), 2);
        RollbackRequested second = EventJson.read(requests.get(1).value(), RollbackRequested.class);
        assertThat(second.incidentId()).isNotEqualTo(first.incidentId());
        assertThat(second.incidentNumber()).isGreaterThan(first.incidentNumber());
    }

    @Test
    void alertStormWithinTheCooldownOfARollbackIsHeldForPeopleNeverRolledBackAutomatically() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        kafka.send(Topics.ALERTS, alert(target, "fp-first", Signal.ERROR_RATE, 0.12));
        RollbackRequested first = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        RollbackSucceeded fixture = EventFixtures.event(RollbackSucceeded.class);
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackSucceeded(first.incidentId(), target, fixture.executionId(),
                fixture.method(), "v1.3.0", "v1.2.5", fixture.message(), Instant.now()));
        await().atMost(TestKafka.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(
                () -> IncidentRecord.<IncidentRecord>findById(first.incidentId()).state) == IncidentRecord.State.CLOSED);

        kafka.send(Topics.ALERTS, alert(target, "fp-flapping", Signal.ERROR_RATE, 0.2));

        RollbackDeclined declined = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class)),
                Topics.INCIDENT_EVENTS, RollbackDeclined.class, SERVICE);
        assertThat(declined.code()).isEqualTo(DeclineReason.COOLDOWN);
        assertThat(declined.reason()).contains("INCIDENT-" + first.incidentNumber() + " rolled this target back")
                .contains("not rolling back again automatically");
        assertThat(declined.incidentId()).isNotEqualTo(first.incidentId());
        RollbackRequested held = EventJson.read(
                kafka.awaitRecords(Topics.ROLLBACK_REQUESTS.name(), about(target), 2).get(1).value(),
                RollbackRequested.class);
        assertThat(held.incidentId()).isEqualTo(declined.incidentId());
        assertThat(held.hold()).isEqualTo(new Hold(DeclineReason.COOLDOWN, declined.reason()));
        assertThat(held.mode()).as("the matrix's decision, held").isEqualTo(ExecutionMode.AUTOMATED);
        assertThat(held.release()).as("the release judged bad, read although the cooldown held")
                .isEqualTo(new Release(2, Map.of(target.service(), IMAGE + ":v1.3.0")));
        assertThat(held.evidence()).extracting(Evidence::observedValue).containsExactly(0.2);
    }

    @Test
    void alertAboutANamespaceItsEnvironmentDoesNotOwnIsDeclinedNotRolledBack() {
        TargetKey production = uniqueTarget("production");
        deployTwoReleases(production);
        TargetKey target = new TargetKey("development", production.namespace(), production.service());

        kafka.send(Topics.ALERTS, alert(target, "fp-mislabelled", Signal.HEALTH_CHECK_FAILING, null));

        RollbackDeclined declined = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class)),
                Topics.INCIDENT_EVENTS, RollbackDeclined.class, SERVICE);
        assertThat(declined.code()).isEqualTo(DeclineReason.TARGET_NOT_CONFIGURED);
        assertThat(declined.reason()).contains("namespace 'payments' does not belong to environment 'development'");
        assertThat(rollbackRequests(target)).as("never held: there is nothing to override").isZero();
    }

    @Test
    void rollbackOfADeploymentThatDoesNotExistIsDeclinedForPeople() {
        TargetKey target = uniqueTarget("production");

        kafka.send(Topics.ALERTS, alert(target, "fp-ghost", Signal.HEALTH_CHECK_FAILING, null));

        RollbackDeclined declined = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class)),
                Topics.INCIDENT_EVENTS, RollbackDeclined.class, SERVICE);
        assertThat(declined.code()).isEqualTo(DeclineReason.NEEDS_HUMAN);
        assertThat(declined.reason()).contains("deployment payments/" + target.service() + " not found");
        assertThat(rollbackRequests(target)).as("never held: there is nothing to override").isZero();
    }

    @Override
    protected Topic<?> inputTopic() {
        return Topics.ALERTS;
    }

    @Override
    protected RewindEvent validEvent(TargetKey target) {
        return alert(target, "fp-valid", Signal.UNKNOWN, null);
    }

    @Override
    protected void awaitEffect(TargetKey target) {
        await().atMost(TestKafka.PATIENCE).until(() -> count(AlertRecord.class, target) == 1);
    }

    private static AlertRecord storedAlert(UUID alertId) {
        return QuarkusTransaction.requiringNew().call(() -> AlertRecord.<AlertRecord>findById(alertId));
    }

    private static long count(Class<?> entity, TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> entity == AlertRecord.class
                ? AlertRecord.count("target", target.toString())
                : IncidentRecord.count("target", target.toString()));
    }
}
