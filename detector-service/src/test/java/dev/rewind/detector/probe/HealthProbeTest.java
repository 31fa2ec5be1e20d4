package dev.rewind.detector.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.environment.Environments;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private static final String URL = "http://checkout.payments.svc.cluster.local:8080/q/health";

    private final Environments environments = ProbeSettings.environments();

    @Test
    void aProbeWithTheDefaultsGetsItsUrlWithinTwoSecondsExpectingAnySuccess() {
        HealthProbe probe = HealthProbe.of("checkout", ProbeSettings.of(URL), environments);

        assertThat(probe.target()).isEqualTo(new TargetKey("production", "payments", "checkout"));
        assertThat(probe.url()).isEqualTo(URL);
        assertThat(probe.request().method()).isEqualTo("GET");
        assertThat(probe.request().timeout()).hasValue(Duration.ofSeconds(2));
        assertThat(probe.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(probe.failuresBeforeAlert()).isEqualTo(3);
        assertThat(probe.expectation().status()).hasToString("2xx");
    }

    @Test
    void theBearerTokenAndHeadersAreSent() {
        HealthProbe probe = HealthProbe.of("checkout",
                ProbeSettings.of(URL).authorized("s3cret", Map.of("X-Api-Key", "k")), environments);

        assertThat(probe.request().headers().firstValue("Authorization")).hasValue("Bearer s3cret");
        assertThat(probe.request().headers().firstValue("X-Api-Key")).hasValue("k");
    }

    @Test
    void aUrlThatIsNotAbsoluteHttpIsRefusedNamingItsKey() {
        for (String wrong : new String[] {"checkout:8080/health", "/q/health", "ftp://checkout/health", "http://"}) {
            assertThatThrownBy(() -> HealthProbe.of("checkout", ProbeSettings.of(wrong), environments))
                    .hasMessage("rewind.detector.health-probes.checkout.url: '" + wrong + "' is not an absolute "
                            + "http(s) URL; write one such as http://checkout.shop.svc.cluster.local:8080/health");
        }
    }

    @Test
    void anUnknownEnvironmentIsRefusedNamingItsKeyAndTheConfiguredOnes() {
        assertThatThrownBy(() -> HealthProbe.of("checkout",
                ProbeSettings.of(URL).target("prod", "payments", "checkout"), environments))
                .hasMessageStartingWith("rewind.detector.health-probes.checkout.environment: environment 'prod' is not "
                        + "configured in Rewind (configured: production)");
    }

    @Test
    void aNamespaceOutsideTheEnvironmentIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> HealthProbe.of("checkout",
                ProbeSettings.of(URL).target("production", "shop", "checkout"), environments))
                .hasMessageStartingWith("rewind.detector.health-probes.checkout.namespace: namespace 'shop' does not "
                        + "belong to environment 'production'");
    }

    @Test
    void everyWrongKeyOfAProbeIsNamedAtOnce() {
        ProbeSettings wrong = ProbeSettings.of(URL).timing(Duration.ZERO, Duration.ofSeconds(-1), 0).expecting("ok")
                .authorized(null, Map.of("Host", "evil"));

        assertThatThrownBy(() -> HealthProbe.of("checkout", wrong, environments))
                .hasMessageContainingAll("checkout.interval: must be longer than zero",
                        "checkout.timeout: must be longer than zero",
                        "checkout.failures-before-alert: must be at least 1, not 0",
                        "checkout.expect-status: 'ok' is not an HTTP status: write one code (200) or a class of codes "
                                + "(2xx)",
                        "checkout.headers.Host: ");
    }
}
