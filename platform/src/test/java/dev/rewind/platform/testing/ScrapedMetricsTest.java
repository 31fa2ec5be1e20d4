package dev.rewind.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrapedMetricsTest {

    private final ScrapedMetrics metrics = ScrapedMetrics.of("""
            # TYPE rewind_alerts_received counter
            rewind_alerts_received_total{outcome="accepted",service="detector-service",source="alertmanager"} 2.0 \
            # {span_id="314050b0300aaa91",trace_id="73de7ac16581d68f68877e36d0a8df04"} 1.0 1795840339.725
            rewind_alerts_received_total{outcome="refused",service="detector-service",source="grafana"} 1.0
            rewind_outbox_pending{service="detector-service",odd="a}b \\"c\\""} 3.0
            rewind_outbox_parked NaN
            """);

    @Test
    void sumsTheSamplesWhoseLabelsIncludeTheGivenOnesExemplarsAndOddValuesNotwithstanding() {
        assertThat(metrics.sum("rewind_alerts_received_total", Map.of("outcome", "accepted"))).isEqualTo(2.0);
        assertThat(metrics.sum("rewind_alerts_received_total", Map.of())).isEqualTo(3.0);
        assertThat(metrics.sum("rewind_alerts_received_total", Map.of("source", "datadog"))).isZero();
        assertThat(metrics.sum("rewind_outbox_pending", Map.of("service", "detector-service"))).isEqualTo(3.0);
        assertThat(metrics.sum("rewind_outbox_parked", Map.of())).isNaN();
        assertThat(metrics.has("rewind_outbox_parked", Map.of())).isTrue();
        assertThat(metrics.has("rewind_outbox_pending", Map.of("service", "approval-service"))).isFalse();
    }
}
