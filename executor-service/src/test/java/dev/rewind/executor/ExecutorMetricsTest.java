package dev.rewind.executor;

import static dev.rewind.executor.Rollbacks.command;
import static dev.rewind.executor.Rollbacks.deploy;
import static dev.rewind.executor.Rollbacks.outcome;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.KubernetesSandboxResource;
import dev.rewind.platform.testing.ScrapedMetrics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each rollback the executor finishes is counted once at /q/metrics, by strategy and outcome. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(KubernetesSandboxResource.class)
class ExecutorMetricsTest extends KafkaClientTest {

    private static final String ROLLBACKS = RewindMetric.ROLLBACKS.prometheusName();

    @Test
    void aSucceededAndAFailedRollbackAreCountedByStrategyAndOutcome() {
        Map<String, String> succeeded = Map.of("strategy", "kubectl", "outcome", "succeeded");
        Map<String, String> failed = Map.of("outcome", "failed");
        ScrapedMetrics before = ScrapedMetrics.scrape();
        TargetKey rolledBack = uniqueTarget("development");
        deploy(rolledBack, "v1.2.5", "v1.3.0");
        TargetKey nothingToReturnTo = uniqueTarget("development");
        deploy(nothingToReturnTo, "v1.0.0");

        outcome(kafka, rolledBack, command(rolledBack, UUID.randomUUID()), RollbackSucceeded.class);
        outcome(kafka, nothingToReturnTo, command(nothingToReturnTo, UUID.randomUUID()), RollbackFailed.class);

        await().untilAsserted(() -> {
            ScrapedMetrics now = ScrapedMetrics.scrape();
            assertThat(now.sum(ROLLBACKS, succeeded)).isEqualTo(before.sum(ROLLBACKS, succeeded) + 1);
            assertThat(now.sum(ROLLBACKS, failed)).isEqualTo(before.sum(ROLLBACKS, failed) + 1);
        });
    }
}
