package dev.rewind.executor;

import static dev.rewind.platform.testing.PublishedEvents.about;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventFixtures;
import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.messaging.CloudEventHeaders;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import dev.rewind.sandbox.helm.HelmDemoChart;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the executor's tests do to the sandbox and to Kafka, and read back from the executor's tables. */
final class Rollbacks {

    static final String IMAGE = "registry.example/shop/checkout";

    private Rollbacks() {
    }

    /** Seeds the target's Deployment through {@code versions} (image tags), the last one running. */
    static Deployment deploy(TargetKey target, String... versions) {
        return KubernetesSandboxResource.sandbox.deployWithHistory(target.namespace(), target.service(), IMAGE,
                List.of(versions));
    }

    /** Installs Helm release {@code target.service()} at the first of {@code tags} and upgrades it through the others. */
    static void installHelmRelease(TargetKey target, String... tags) {
        HelmDemoChart.installAndUpgrade(KubernetesSandboxResource.sandbox.client(),
                KubernetesSandboxResource.sandbox.controller()::reconcileAll, target.namespace(), target.service(),
                tags);
    }

    /** Deploys {@code version} on top, as a team's next release would. */
    static void release(TargetKey target, String version) {
        KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(IMAGE + ":" + version);
                    return d;
                });
        KubernetesSandboxResource.sandbox.controller().reconcileAll();
    }

    static Deployment deployment(TargetKey target) {
        return KubernetesSandboxResource.sandbox.client().apps().deployments().inNamespace(target.namespace())
                .withName(target.service()).get();
    }

    /** The release the target's Deployment runs now, as the detector reads it when it decides. */
    static Release running(TargetKey target) {
        return DeploymentRevisions.releaseOf(deployment(target));
    }

    /** An approved rollback of what the target runs now. */
    static RollbackApproved command(TargetKey target, UUID incidentId) {
        return command(target, incidentId, running(target));
    }

    static RollbackApproved command(TargetKey target, UUID incidentId, Release judged) {
        return command(target, incidentId, judged, EventFixtures.event(RollbackApproved.class).overrides());
    }

    /** An approved rollback of what the target runs now, for an incident of {@code severity}. */
    static RollbackApproved command(TargetKey target, UUID incidentId, Severity severity) {
        RollbackApproved fixture = EventFixtures.event(RollbackApproved.class);
        return new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), incidentId, fixture.incidentNumber(),
                target, severity, fixture.reason(), fixture.method(), fixture.toRevision(), running(target), null,
                fixture.approvedBy(), List.of(), fixture.occurredAt());
    }

    /** An approved rollback of {@code judged} for which a person overrode the guards {@code overrides}. */
    static RollbackApproved command(TargetKey target, UUID incidentId, Release judged, List<DeclineReason> overrides) {
        RollbackApproved fixture = EventFixtures.event(RollbackApproved.class);
        return new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), incidentId, fixture.incidentNumber(),
                target, fixture.severity(), fixture.reason(), fixture.method(), fixture.toRevision(), judged, null,
                fixture.approvedBy(), overrides, fixture.occurredAt());
    }

    /**
     * An approved rollback of what the target runs now that names no method (the target's chain decides) and
     * expects to return to {@code rollbackTo} (null: unknown).
     */
    static RollbackApproved chainCommand(TargetKey target, Release rollbackTo) {
        RollbackApproved fixture = EventFixtures.event(RollbackApproved.class);
        return new RollbackApproved(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), fixture.incidentNumber(),
                target, fixture.severity(), fixture.reason(), null, 0, running(target), rollbackTo,
                fixture.approvedBy(), List.of(), fixture.occurredAt());
    }

    static ExecutionRecord execution(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionRecord.forIncident(incidentId).orElse(null));
    }

    static long count(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> ExecutionRecord.count("target", target.toString()));
    }

    /** The applied rollback patches of the target's Deployment. */
    static int appliedPatches(TargetKey target) {
        return KubernetesSandboxResource.sandbox.appliedDeploymentPatches(target.namespace(), target.service()).size();
    }

    /** Sends {@code command} and returns its outcome, asserting it is a {@code type}. */
    static <E extends IncidentEvent> E outcome(TestKafka kafka, TargetKey target, RollbackApproved command,
                                               Class<E> type) {
        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        return outcomeOf(kafka, target, command.incidentId(), type);
    }

    /** The outcome of incident {@code incidentId}'s rollback, asserting it is a {@code type}. */
    static <E extends IncidentEvent> E outcomeOf(TestKafka kafka, TargetKey target, UUID incidentId, Class<E> type) {
        ConsumerRecord<String, String> record = kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(),
                about(target, RollbackSucceeded.class).or(about(target, RollbackFailed.class))
                        .or(about(target, RollbackUnverified.class))
                        .and(r -> r.value().contains(incidentId.toString())));
        IncidentEvent event = Topics.INCIDENT_EVENTS.parse(TestKafka.header(record, CloudEventHeaders.TYPE),
                record.value());
        assertThat(event).isInstanceOf(type);
        return type.cast(event);
    }

    /** The incident events about {@code target} of type {@code type}, read until the first of type {@code last}. */
    static <E extends IncidentEvent> List<E> eventsUntil(TestKafka kafka, TargetKey target, Class<E> type,
                                                        Class<? extends IncidentEvent> last) {
        Predicate<ConsumerRecord<String, String>> ofType = about(target, type);
        return kafka.recordsUntil(Topics.INCIDENT_EVENTS.name(), ofType, about(target, last)).stream()
                .map(r -> EventJson.read(r.value(), type)).toList();
    }
}
