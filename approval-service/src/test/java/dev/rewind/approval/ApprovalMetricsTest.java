package dev.rewind.approval;

import static dev.rewind.approval.Requests.cooldownHold;
import static dev.rewind.approval.Requests.taken;
import static dev.rewind.platform.testing.PublishedEvents.uniqueTarget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.Severity;
import dev.rewind.platform.metrics.RewindMetric;
import dev.rewind.platform.testing.InfrastructureResource;
import dev.rewind.platform.testing.KafkaClientTest;
import dev.rewind.platform.testing.ScrapedMetrics;
import dev.rewind.platform.testing.TestTokensResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requests waiting for people, at /q/metrics: per state, as many as the table holds, with the oldest's age. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
@WithTestResource(TestTokensResource.class)
class ApprovalMetricsTest extends KafkaClientTest {

    private static final String WAITING = RewindMetric.APPROVALS_PENDING.prometheusName();
    private static final String OLDEST = RewindMetric.APPROVALS_OLDEST_PENDING_AGE.prometheusName();

    @Test
    void requestsWaitingForApprovalsAndForAnOverrideAreCountedWithTheOldestAge() {
        taken(kafka, uniqueTarget("production"), Severity.P1, null);
        taken(kafka, uniqueTarget("production"), Severity.P1, cooldownHold());

        await().untilAsserted(() -> {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            assertThat(metrics.sum(WAITING, Map.of("state", "pending")))
                    .isEqualTo(stored(ApprovalState.PENDING)).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum(WAITING, Map.of("state", "held")))
                    .isEqualTo(stored(ApprovalState.HELD)).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum(OLDEST, Map.of("state", "pending"))).isNotNaN().isGreaterThanOrEqualTo(0);
            assertThat(metrics.sum(OLDEST, Map.of("state", "held"))).isNotNaN().isGreaterThanOrEqualTo(0);
        });
    }

    private static double stored(ApprovalState state) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord.count("state", state));
    }
}
