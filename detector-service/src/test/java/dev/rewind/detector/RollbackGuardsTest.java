package dev.rewind.detector;

import static dev.rewind.detector.Detections.alert;
import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.detector.Detections.rollbackRequests;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.detector.service.AlertProcessor;
import dev.rewind.events.EventJson;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.kubernetes.MigrationMark;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runbook's "when not to roll back", read from the cluster and the detector's own records, end to end. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class RollbackGuardsTest extends KafkaClientTest {

    @Inject
    AlertProcessor processor;

    @Test
    void declinesARollbackOverAnIrreversibleMigrationReadFromTheDeployment() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        annotate(target, MigrationMark.ANNOTATION, "irreversible");

        kafka.send(Topics.ALERTS, alert(target, "fp-errors", Signal.ERROR_RATE, 0.30));

        RollbackDeclined declined = declined(target);
        assertThat(declined.code()).isEqualTo(DeclineReason.IRREVERSIBLE_MIGRATION);
        assertThat(declined.reason()).contains("irreversible database migration");
        assertThat(rollbackRequests(target)).as("refused outright: nothing to override").isZero();
    }

    @Test
    void declinesARollbackThatWouldLoseData() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        annotate(target, "rewind.dev/data-loss-risk", "true");

        kafka.send(Topics.ALERTS, alert(target, "fp-errors", Signal.HEALTH_CHECK_FAILING, null));

        assertThat(declined(target).code()).isEqualTo(DeclineReason.DATA_LOSS_RISK);
        assertThat(rollbackRequests(target)).isZero();
    }

    @Test
    void declinesANodeLevelAlertAsInfrastructure() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        Map<String, String> labels = new HashMap<>(alert(target, "fp", Signal.UNKNOWN, null).labels());
        labels.put("rewind_scope", "node");

        kafka.send(Topics.ALERTS, alert(target, "fp-node", Signal.HEALTH_CHECK_FAILING, null, labels));

        RollbackDeclined declined = declined(target);
        assertThat(declined.code()).isEqualTo(DeclineReason.INFRASTRUCTURE_FAULT);
        assertThat(declined.reason()).startsWith("the alert is node-level (label rewind_scope=node)");
    }

    @Test
    void declinesWhenTargetsThatWereNotDeployedRecentlyAlertAtTheSameTime() {
        // Staging: no other test of this module alerts there, and the seeded incidents are removed afterwards, so
        // that they count for this test only.
        List<UUID> seeded = new ArrayList<>();
        try {
            Instant longAgo = Instant.now().minus(Duration.ofDays(10));
            seeded.add(seedIncident(uniqueTarget("staging"), Instant.now().minusSeconds(60), longAgo, null));
            seeded.add(seedIncident(uniqueTarget("staging"), Instant.now().minusSeconds(30), longAgo, null));
            TargetKey target = uniqueTarget("staging");
            deployTwoReleases(target);

            kafka.send(Topics.ALERTS, alert(target, "fp-errors", Signal.ERROR_RATE, 0.30));

            RollbackDeclined declined = declined(target);
            assertThat(declined.code()).isEqualTo(DeclineReason.INFRASTRUCTURE_FAULT);
            assertThat(declined.reason()).startsWith("2 other targets of this environment, none deployed within");
            IncidentRecord incident = Detections.incident(declined.incidentId());
            assertThat(incident.deployedAt).as("read from the running revision's ReplicaSet")
                    .isAfter(Instant.now().minus(Duration.ofHours(1)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> seeded.forEach(id -> IncidentRecord.deleteById(id)));
        }
    }

    @Test
    void oneBatchOverManyNewTargetsReadsEachDeploymentAndNumbersEachIncident() {
        // The guards read the Deployments of a batch's new targets together, in parallel, and the batch takes its
        // incident numbers with one query: each request still names its own target's releases.
        List<TargetKey> targets = List.of(uniqueTarget("production"), uniqueTarget("production"),
                uniqueTarget("production"), uniqueTarget("production"));
        targets.forEach(target -> Detections.deploy(target, "v1.2.5", "v1.3.0-" + target.service()));

        QuarkusTransaction.requiringNew().run(() -> processor.process(targets.stream()
                .map(target -> alert(target, "fp-errors", Signal.ERROR_RATE, 0.30)).toList()));

        List<RollbackRequested> requests = targets.stream().map(target -> EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(),
                RollbackRequested.class)).toList();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.release().images().values())
                    .allSatisfy(image -> assertThat(image).endsWith(":v1.3.0-" + request.target().service()));
            assertThat(request.rollbackTo().images().values())
                    .allSatisfy(image -> assertThat(image).endsWith(":v1.2.5"));
            assertThat(request.hold()).isNull();
        });
        assertThat(requests.stream().map(RollbackRequested::incidentNumber).distinct()).hasSize(targets.size());
    }

    @Test
    void holdsTheNextRollbackOnceATargetWasRolledBackTooOftenWithinTheLoopWindow() {
        TargetKey target = uniqueTarget("production");
        deployTwoReleases(target);
        for (int hoursAgo = 6; hoursAgo >= 2; hoursAgo -= 2) {
            Instant at = Instant.now().minus(Duration.ofHours(hoursAgo));
            seedIncident(target, at, at, at.plusSeconds(300));
        }

        kafka.send(Topics.ALERTS, alert(target, "fp-errors", Signal.ERROR_RATE, 0.30));

        RollbackDeclined declined = declined(target);
        assertThat(declined.code()).isEqualTo(DeclineReason.ROLLBACK_LOOP);
        assertThat(declined.reason()).startsWith("Rewind rolled this target back 3 times within 1 d (at most 3)");
        RollbackRequested held = EventJson.read(
                kafka.awaitRecord(Topics.ROLLBACK_REQUESTS.name(), about(target)).value(), RollbackRequested.class);
        assertThat(held.hold().code()).as("a person allowed to may override it").isEqualTo(DeclineReason.ROLLBACK_LOOP);
    }

    private RollbackDeclined declined(TargetKey target) {
        return EventJson.read(kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, RollbackDeclined.class))
                .value(), RollbackDeclined.class);
    }

    private static void annotate(TargetKey target, String annotation, String value) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(deployment -> {
                    deployment.getMetadata().getAnnotations().put(annotation, value);
                    return deployment;
                });
    }

    /** A closed incident of {@code target}, as an earlier alert storm would have left it. */
    private static UUID seedIncident(TargetKey target, Instant openedAt, Instant deployedAt, Instant rolledBackAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            IncidentRecord incident = new IncidentRecord();
            incident.id = UUID.randomUUID();
            incident.number = IncidentRecord.nextNumber();
            incident.target = target.toString();
            incident.severity = Severity.P1;
            incident.signal = Signal.ERROR_RATE;
            incident.reason = "seeded";
            incident.state = IncidentRecord.State.CLOSED;
            incident.openedAt = openedAt;
            incident.deployedAt = deployedAt;
            incident.rolledBackAt = rolledBackAt;
            incident.persist();
            return incident.id;
        });
    }
}
