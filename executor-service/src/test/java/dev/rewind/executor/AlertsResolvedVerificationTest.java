package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.chainCommand;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.executor.Rollbacks.outcomeOf;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opt-in alerts-resolved check: the rollback is verified once the detector says every alert resolved. */
@QuarkusTest
@TestProfile(AlertsResolvedVerificationTest.WaitingForAlerts.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class AlertsResolvedVerificationTest extends KafkaClientTest {

    /** Verification waits for the incident's alerts (and checks the pods). */
    public static class WaitingForAlerts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rewind.executor.verification.checks", "pods-ready,alerts-resolved",
                    "rewind.executor.verification.alerts-resolved.window", "10s");
        }
    }

    @Test
    void aRollbackIsVerifiedOnceEveryAlertOfItsIncidentResolved() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");
        RollbackApproved command = chainCommand(target, null);

        kafka.send(Topics.ROLLBACK_COMMANDS, command);
        kafka.send(Topics.INCIDENT_EVENTS, new IncidentAlertsResolved(command.incidentId(), target,
                List.of("fp-errors"), Instant.now()));

        RollbackSucceeded succeeded = outcomeOf(kafka, target, command.incidentId(), RollbackSucceeded.class);
        assertThat(succeeded.message()).endsWith("verified: pods-ready, alerts-resolved");
    }

    @Test
    void alertsStillFiringAfterTheWindowLeaveTheRollbackUnverified() {
        TargetKey target = uniqueTarget("development");
        deploy(target, "v1.2.5", "v1.3.0");

        RollbackUnverified unverified = outcome(kafka, target, chainCommand(target, null), RollbackUnverified.class);

        assertThat(unverified.reason()).startsWith("alerts-resolved: the incident's alerts have not all resolved "
                + "within 10s");
    }
}
