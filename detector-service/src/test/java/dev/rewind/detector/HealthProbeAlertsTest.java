package dev.rewind.detector;

import static dev.rewind.detector.Detections.deployTwoReleases;
import static dev.rewind.platform.testing.PublishedEvents.about;
import static dev.rewind.platform.testing.PublishedEvents.assertCloudEvent;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.probe.HealthEndpoint;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detector's own health probe, polling a stand-in endpoint: its failure streak becomes one alert on
 * {@code rewind.alerts} that opens an incident, and its recovery resolves that alert.
 */
@QuarkusTest
@TestProfile(HealthProbeAlertsTest.ProbingOneEndpoint.class)
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class HealthProbeAlertsTest extends KafkaClientTest {

    private static final String SERVICE = "detector-service";

    /** One probe, configured for this test only: in every other test no probe runs. */
    public static class ProbingOneEndpoint implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProbedEndpoint.class));
        }
    }

    /**
     * Starts two stand-in health endpoints, healthy: probe {@code checkout} polls one, probe {@code slow}, whose
     * timeout is longer than its interval, the other.
     */
    public static class ProbedEndpoint implements QuarkusTestResourceLifecycleManager {

        static HealthEndpoint endpoint;
        static TargetKey target;
        static HealthEndpoint slowEndpoint;

        @Override
        public Map<String, String> start() {
            endpoint = new HealthEndpoint();
            target = uniqueTarget("production");
            slowEndpoint = new HealthEndpoint();
            TargetKey slowTarget = uniqueTarget("production");
            Map<String, String> config = new HashMap<>();
            String probe = "rewind.detector.health-probes.checkout.";
            config.putAll(Map.of(probe + "url", endpoint.health(),
                    probe + "environment", target.environment(),
                    probe + "namespace", target.namespace(),
                    probe + "service", target.service(),
                    probe + "interval", "1s",
                    probe + "timeout", "1s",
                    probe + "failures-before-alert", "2",
                    probe + "bearer-token", "probe-token"));
            String slow = "rewind.detector.health-probes.slow.";
            config.putAll(Map.of(slow + "url", slowEndpoint.health(),
                    slow + "environment", slowTarget.environment(),
                    slow + "namespace", slowTarget.namespace(),
                    slow + "service", slowTarget.service(),
                    slow + "interval", "1s",
                    slow + "timeout", "5s"));
            return config;
        }

        @Override
        public void stop() {
            if (endpoint != null) {
                endpoint.close();
                slowEndpoint.close();
            }
        }
    }

    @Test
    void aFailingHealthEndpointOpensAnIncidentWithOneAlertAndItsRecoveryResolvesIt() {
        HealthEndpoint endpoint = ProbedEndpoint.endpoint;
        TargetKey target = ProbedEndpoint.target;
        deployTwoReleases(target);

        endpoint.answer(503, "{\"status\":\"DOWN\"}");

        AlertFired fired = assertCloudEvent(kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertFired.class)),
                Topics.ALERTS, AlertFired.class, SERVICE);
        assertThat(fired.source()).isEqualTo("health-probe");
        assertThat(fired.fingerprint()).isEqualTo("health-probe:checkout");
        assertThat(fired.signal()).isEqualTo(Signal.HEALTH_CHECK_FAILING);
        assertThat(fired.summary()).contains("failed 2 times in a row",
                "GET " + endpoint.health() + " answered 503, expected 2xx (body: '{\"status\":\"DOWN\"}')");
        IncidentOpened opened = assertCloudEvent(
                kafka.awaitRecord(Topics.INCIDENT_EVENTS.name(), about(target, IncidentOpened.class)),
                Topics.INCIDENT_EVENTS, IncidentOpened.class, SERVICE);
        assertThat(opened.signal()).isEqualTo(Signal.HEALTH_CHECK_FAILING);
        assertThat(endpoint.authorizations()).containsOnly("Bearer probe-token");

        int pollsWhenFired = endpoint.requests();
        await().atMost(TestKafka.PATIENCE).until(() -> endpoint.requests() >= pollsWhenFired + 2);
        endpoint.answer(200, "{\"status\":\"UP\"}");

        AlertResolved resolved = assertCloudEvent(
                kafka.awaitRecord(Topics.ALERTS.name(), about(target, AlertResolved.class)),
                Topics.ALERTS, AlertResolved.class, SERVICE);
        assertThat(resolved.fingerprint()).isEqualTo(fired.fingerprint());
        assertThat(resolved.startsAt()).isEqualTo(fired.startsAt());
        assertThat(kafka.recordsUntil(Topics.ALERTS.name(), about(target, AlertFired.class),
                about(target, AlertResolved.class)))
                .as("one alert for the whole streak, although the endpoint kept failing after it fired").hasSize(1);
        await().atMost(TestKafka.PATIENCE).untilAsserted(() -> assertThat(resolvedAlerts(target))
                .as("the resolution is recorded on the incident the alert opened")
                .singleElement().satisfies(record -> assertThat(record.incidentId).isEqualTo(opened.incidentId())));
    }

    @Test
    void aProbeSlowerThanItsIntervalIsNotPolledAgainUntilItsCallEnded() {
        HealthEndpoint slow = ProbedEndpoint.slowEndpoint;
        slow.answerAfter(Duration.ofMillis(2_500));
        int before = slow.requests();

        await().atMost(TestKafka.PATIENCE).until(() -> slow.requests() >= before + 3);

        assertThat(slow.mostInFlight()).as("every poll of the 1 s interval waited for the previous 2.5 s call")
                .isEqualTo(1);
    }

    private static List<AlertRecord> resolvedAlerts(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> AlertRecord.<AlertRecord>list("target = ?1 and status = ?2",
                target.toString(), AlertRecord.Status.RESOLVED));
    }
}
