package dev.rewind.detector.probe;

import dev.rewind.events.TargetKey;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.probe.ExpectedStatus;
import dev.rewind.platform.probe.HttpExpectation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One configured health probe, checked at start: the request it sends (URL and headers), the target its alerts are
 * about, how often and how long it waits, and what counts as healthy.
 */
public record HealthProbe(String name, TargetKey target, HttpRequest request, Duration interval, Duration timeout,
                          int failuresBeforeAlert, HttpExpectation expectation) {

    /** The probe's URL as configured, for messages. */
    public String url() {
        return request.uri().toString();
    }

    /**
     * The probe {@code name} as {@code config} describes it.
     *
     * @throws IllegalArgumentException naming each wrong key, what is wrong and what to write instead
     */
    public static HealthProbe of(String name, HealthProbesConfig.Probe config, Environments environments) {
        String key = HealthProbesConfig.PREFIX + "." + name + ".";
        List<String> problems = new ArrayList<>();
        Optional<URI> url = url(config.url(), key + "url", problems);
        TargetKey target = target(config, key, environments, problems);
        positive(config.interval(), key + "interval", problems);
        positive(config.timeout(), key + "timeout", problems);
        if (config.failuresBeforeAlert() < 1) {
            problems.add(key + "failures-before-alert: must be at least 1, not " + config.failuresBeforeAlert());
        }
        ExpectedStatus status = null;
        try {
            status = ExpectedStatus.parse(config.expectStatus());
        } catch (IllegalArgumentException e) {
            problems.add(key + "expect-status: " + e.getMessage());
        }
        HttpRequest request = url.map(uri -> request(uri, config, key, problems)).orElse(null);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new HealthProbe(name, target, request, config.interval(), config.timeout(),
                config.failuresBeforeAlert(), new HttpExpectation(status, Optional.empty()));
    }

    private static Optional<URI> url(String url, String key, List<String> problems) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below, like any other URL the probe cannot GET
        }
        problems.add(key + ": '" + url + "' is not an absolute http(s) URL; write one such as "
                + "http://checkout.shop.svc.cluster.local:8080/health");
        return Optional.empty();
    }

    private static TargetKey target(HealthProbesConfig.Probe config, String key, Environments environments,
                                    List<String> problems) {
        TargetKey target;
        try {
            target = new TargetKey(config.environment(), config.namespace(), config.service());
        } catch (IllegalArgumentException e) {
            problems.add(key + "environment/namespace/service: " + e.getMessage());
            return null;
        }
        Optional<String> refusal = environments.refusal(target);
        refusal.ifPresent(reason -> problems.add(key
                + (environments.named(target.environment()).isEmpty() ? "environment" : "namespace") + ": " + reason));
        return target;
    }

    private static void positive(Duration duration, String key, List<String> problems) {
        if (duration.isNegative() || duration.isZero()) {
            problems.add(key + ": must be longer than zero, not " + duration);
        }
    }

    private static HttpRequest request(URI uri, HealthProbesConfig.Probe config, String key, List<String> problems) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (!config.timeout().isNegative() && !config.timeout().isZero()) {
            request.timeout(config.timeout());
        }
        config.bearerToken().ifPresent(token -> request.header("Authorization", "Bearer " + token.strip()));
        config.headers().forEach((header, value) -> {
            try {
                request.header(header, value);
            } catch (IllegalArgumentException e) {
                // The JDK client refuses the headers it sets itself (Host, Connection, Content-Length, ...).
                problems.add(key + "headers." + header + ": " + e.getMessage());
            }
        });
        return request.build();
    }
}
