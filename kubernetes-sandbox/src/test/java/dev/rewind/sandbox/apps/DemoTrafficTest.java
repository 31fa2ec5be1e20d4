package dev.rewind.sandbox.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    private static final Fault TWELVE_PERCENT = Fault.parse("error-rate=0.12");

    @Test
    void answersAFaultyVersionsShareWith5xxExactly() {
        DemoTraffic traffic = new DemoTraffic(200);
        for (int i = 0; i < 50; i++) {
            traffic.advance(Duration.ofMillis(100), List.of(new DemoTraffic.Running("v1.1.0", 2, TWELVE_PERCENT)));
        }
        assertThat(traffic.served()).containsEntry("v1.1.0", new DemoTraffic.Served(1000, 120));
    }

    @Test
    void splitsRequestsByReadyReplicas() {
        DemoTraffic traffic = new DemoTraffic(300);
        traffic.advance(Duration.ofSeconds(1), List.of(new DemoTraffic.Running("v1.0.0", 2, Fault.NONE),
                new DemoTraffic.Running("v1.1.0", 1, TWELVE_PERCENT)));
        assertThat(traffic.served()).containsEntry("v1.0.0", new DemoTraffic.Served(200, 0))
                .containsEntry("v1.1.0", new DemoTraffic.Served(100, 12));
        assertThat(traffic.total()).isEqualTo(new DemoTraffic.Served(300, 12));
    }

    @Test
    void aRolledBackVersionStopsServing() {
        DemoTraffic traffic = new DemoTraffic(100);
        traffic.advance(Duration.ofSeconds(1), List.of(new DemoTraffic.Running("v1.1.0", 2, TWELVE_PERCENT)));
        traffic.advance(Duration.ofSeconds(1), List.of(new DemoTraffic.Running("v1.0.0", 2, Fault.NONE)));
        assertThat(traffic.served()).containsEntry("v1.1.0", new DemoTraffic.Served(100, 12))
                .containsEntry("v1.0.0", new DemoTraffic.Served(100, 0));
    }

    @Test
    void healthAndLatencyFollowTheRunningVersions() {
        DemoTraffic traffic = new DemoTraffic(100);
        Fault failing = Fault.parse("health=failing,latency-ms=480");
        traffic.advance(Duration.ofSeconds(1), List.of(new DemoTraffic.Running("v1.1.0", 2, failing)));
        assertThat(traffic.healthy()).isFalse();
        assertThat(traffic.p99Seconds()).isEqualTo(0.6);
        traffic.advance(Duration.ofSeconds(1), List.of(new DemoTraffic.Running("v1.0.0", 2, Fault.NONE)));
        assertThat(traffic.healthy()).isTrue();
        assertThat(traffic.p99Seconds()).isEqualTo(DemoTraffic.BASELINE_P99_SECONDS);
    }

    @Test
    void noReadyPodsServeNothingAndFailTheHealthCheck() {
        DemoTraffic traffic = new DemoTraffic(100);
        traffic.advance(Duration.ofSeconds(1), List.of());
        assertThat(traffic.served()).isEmpty();
        assertThat(traffic.healthy()).isFalse();
    }
}
