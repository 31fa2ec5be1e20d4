package dev.rewind.detector.probe;

import dev.rewind.platform.environment.Environment;
import dev.rewind.platform.environment.Environments;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A probe's configuration as a test writes it: the defaults of {@link HealthProbesConfig.Probe}, any key changed. */
record ProbeSettings(String url, String environment, String namespace, String service, Duration interval,
                     Duration timeout, int failuresBeforeAlert, String expectStatus, Optional<String> bearerToken,
                     Map<String, String> headers) implements HealthProbesConfig.Probe {

    /** The environments the settings' default target belongs to. */
    static Environments environments() {
        return new Environments(Map.of("production",
                new Environment("production", Optional.empty(), Set.of("payments"), Map.of())));
    }

    static ProbeSettings of(String url) {
        return new ProbeSettings(url, "production", "payments", "checkout", Duration.ofSeconds(15),
                Duration.ofSeconds(2), 3, "2xx", Optional.empty(), Map.of());
    }

    ProbeSettings target(String environment, String namespace, String service) {
        return new ProbeSettings(url, environment, namespace, service, interval, timeout, failuresBeforeAlert,
                expectStatus, bearerToken, headers);
    }

    ProbeSettings timing(Duration interval, Duration timeout, int failuresBeforeAlert) {
        return new ProbeSettings(url, environment, namespace, service, interval, timeout, failuresBeforeAlert,
                expectStatus, bearerToken, headers);
    }

    ProbeSettings expecting(String status) {
        return new ProbeSettings(url, environment, namespace, service, interval, timeout, failuresBeforeAlert, status,
                bearerToken, headers);
    }

    ProbeSettings authorized(String token, Map<String, String> headers) {
        return new ProbeSettings(url, environment, namespace, service, interval, timeout, failuresBeforeAlert,
                expectStatus, Optional.ofNullable(token), headers);
    }
}
