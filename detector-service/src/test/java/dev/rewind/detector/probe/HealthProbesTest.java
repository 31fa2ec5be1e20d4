package dev.rewind.detector.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthProbesTest {

    @Test
    void noProbeConfiguredPollsNothing() {
        assertThat(probes(Map.of()).probes()).isEmpty();
    }

    @Test
    void everyMisconfiguredProbeStopsTheStartNamingItsKeys() {
        HealthProbes probes = probes(Map.of(
                "checkout", ProbeSettings.of("http://checkout:8080/health"),
                "search", ProbeSettings.of("search/health"),
                "cart", ProbeSettings.of("http://cart:8080/health").target("prod", "payments", "cart")));

        assertThatThrownBy(probes::probes)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the detector's health probes are misconfigured, so it does not start; fix "
                        + "these keys (application.properties or the detector's ConfigMap): "
                        + "rewind.detector.health-probes.cart.environment: environment 'prod' is not configured")
                .hasMessageContaining("; rewind.detector.health-probes.search.url: 'search/health' is not an absolute")
                .hasMessageNotContaining("health-probes.checkout");
    }

    private static HealthProbes probes(Map<String, HealthProbesConfig.Probe> configured) {
        return new HealthProbes(() -> configured, ProbeSettings.environments(), null, Clock.systemUTC());
    }
}
