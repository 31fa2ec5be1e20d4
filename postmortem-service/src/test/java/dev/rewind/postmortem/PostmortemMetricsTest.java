package dev.rewind.postmortem;

import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.ScrapedMetrics;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The latency histograms at /q/metrics: an incident opened at t0 whose rollback started at t0 + 2 s and was verified
 * at t0 + 9 s adds one observation of 2 s and one of 9 s, in the incident's environment.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class PostmortemMetricsTest extends KafkaClientTest {

    private static final String STARTED = RewindMetric.ALERT_TO_ROLLBACK_STARTED.prometheusName();
    private static final String VERIFIED = RewindMetric.ALERT_TO_ROLLBACK_VERIFIED.prometheusName();

    @Test
    void theTimesFromTheIncidentsOpeningToItsRollbacksStartAndVerificationAreRecorded() {
        TargetKey target = uniqueTarget("staging");
        UUID incident = UUID.randomUUID();
        UUID execution = UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> staging = Map.of("environment", "staging");
        Map<String, String> passed = Map.of("environment", "staging", "outcome", "passed");
        ScrapedMetrics before = ScrapedMetrics.scrape();

        kafka.send(Topics.INCIDENT_EVENTS, new IncidentOpened(incident, 7L, target, Severity.P1, Signal.ERROR_RATE,
                "12% 5xx", "v1.3.0", t0));
        kafka.send(Topics.INCIDENT_EVENTS, new RollbackStarted(incident, target, execution, RollbackMethod.KUBECTL,
                2L, 1L, "v1.3.0", "v1.2.5", t0.plusSeconds(2)));
        kafka.send(Topics.INCIDENT_EVENTS, new VerificationCompleted(incident, target, execution, true, List.of(),
                t0.plusSeconds(9)));

        await().untilAsserted(() -> {
            ScrapedMetrics now = ScrapedMetrics.scrape();
            assertThat(now.sum(STARTED + "_count", staging)).isEqualTo(before.sum(STARTED + "_count", staging) + 1);
            assertThat(now.sum(STARTED + "_sum", staging)).isCloseTo(before.sum(STARTED + "_sum", staging) + 2.0, within(0.001));
            assertThat(now.sum(VERIFIED + "_count", passed)).isEqualTo(before.sum(VERIFIED + "_count", passed) + 1);
            assertThat(now.sum(VERIFIED + "_sum", passed)).isCloseTo(before.sum(VERIFIED + "_sum", passed) + 9.0, within(0.001));
        });
        assertThat(ScrapedMetrics.scrape().has(STARTED + "_bucket", Map.of("environment", "staging", "le", "1.0")))
                .as("the SLO bucket of rewind.metrics.latency.slos").isTrue();
    }
}
