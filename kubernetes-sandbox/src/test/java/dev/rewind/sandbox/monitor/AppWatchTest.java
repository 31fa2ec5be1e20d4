package dev.rewind.sandbox.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.sandbox.apps.DemoTraffic;
import dev.rewind.sandbox.apps.Fault;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private final MonitorSettings settings = MonitorSettings.runbook(URI.create("http://127.0.0.1:1/"), "t",
            Map.of("shop-staging", "staging"));
    private final AppWatch watch = new AppWatch(settings, "staging", "shop-staging", "checkout");
    private final DemoTraffic traffic = new DemoTraffic(200);
    private final List<AlertNotification> notified = new ArrayList<>();
    private Instant now = T0;

    @Test
    void firesOnceTheErrorRateHeldAboveTheThresholdForItsHoldTime() {
        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.0.0", 2, Fault.NONE));
        assertThat(notified).isEmpty();

        Instant injected = now;
        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("error-rate=0.12")));

        assertThat(notified).hasSize(1);
        AlertNotification firing = notified.get(0);
        assertThat(firing.firing()).isTrue();
        assertThat(firing.labels()).containsEntry("alertname", "HighErrorRate")
                .containsEntry("environment", "staging").containsEntry("namespace", "shop-staging")
                .containsEntry("service", "checkout").containsEntry("version", "v1.1.0");
        // Pending once the 5 s window's share passed 5%, firing 2 s later.
        assertThat(firing.startsAt()).isAfter(injected).isBefore(injected.plusSeconds(5));
        assertThat(Double.parseDouble(firing.annotations().get("value"))).isGreaterThan(0.05);
    }

    @Test
    void resolvesOnceTheWindowNoLongerSeesTheErrors() {
        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("error-rate=0.12")));
        assertThat(notified).extracting(AlertNotification::status).containsExactly("firing");

        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.0.0", 2, Fault.NONE));

        assertThat(notified).extracting(AlertNotification::status).containsExactly("firing", "resolved");
        AlertNotification resolved = notified.get(1);
        assertThat(resolved.startsAt()).isEqualTo(notified.get(0).startsAt());
        assertThat(resolved.fingerprint()).isEqualTo(notified.get(0).fingerprint());
        assertThat(resolved.endsAt()).isNotNull();
    }

    @Test
    void aConditionShorterThanTheHoldTimeDoesNotFire() {
        run(Duration.ofMillis(1500), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("health=failing")));
        run(Duration.ofSeconds(5), new DemoTraffic.Running("v1.0.0", 2, Fault.NONE));
        assertThat(notified).isEmpty();

        run(Duration.ofMillis(2500), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("health=failing")));
        assertThat(notified).extracting(n -> n.labels().get("alertname")).containsExactly("HealthCheckFailing");
    }

    @Test
    void failingHealthAndSlowRequestsFireTheirOwnAlerts() {
        run(Duration.ofSeconds(5), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("health=failing,latency-ms=500")));
        assertThat(notified).extracting(n -> n.labels().get("alertname"))
                .containsExactlyInAnyOrder("HighLatency", "HealthCheckFailing");
        assertThat(notified).filteredOn(n -> n.labels().get("alertname").equals("HighLatency"))
                .singleElement().satisfies(n -> assertThat(n.annotations()).containsEntry("value", "5.17x"));
    }

    @Test
    void aDeploymentScaledToZeroIsNotAFailingHealthCheck() {
        run(Duration.ofSeconds(5), new DemoTraffic.Running("v1.0.0", 2, Fault.NONE));
        run(Duration.ofSeconds(10));
        assertThat(traffic.healthy()).isFalse();
        assertThat(notified).isEmpty();
    }

    @Test
    void aResolvedAlertCarriesTheLabelsItFiredWith() {
        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.1.0", 2, Fault.parse("error-rate=0.12")));
        run(Duration.ofSeconds(10), new DemoTraffic.Running("v1.0.0", 2, Fault.NONE));
        assertThat(notified).extracting(n -> n.labels().get("version")).containsExactly("v1.1.0", "v1.1.0");
    }

    private void run(Duration duration, DemoTraffic.Running... running) {
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0;
             elapsed = elapsed.plus(settings.evaluationInterval())) {
            traffic.advance(settings.evaluationInterval(), List.of(running));
            now = now.plus(settings.evaluationInterval());
            notified.addAll(watch.evaluate(new AppWatch.Sample(now, traffic.served(), traffic.p99Seconds(),
                    traffic.healthy(), traffic.readyReplicas())));
        }
    }
}
