package dev.rewind.sandbox.monitor;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What the sandbox's monitor evaluates and where it sends alerts. The thresholds default to the runbook's decision
 * matrix (error rate above 5%, latency above twice the baseline, failing health checks); the window and the time a
 * condition must hold are short, for a sandbox whose faults are injected on purpose.
 *
 * @param webhook the detector's Alertmanager webhook; null to evaluate without sending
 * @param bearerToken the webhook's credential (ALERTMANAGER_TOKEN); null for none
 * @param environments the environment each monitored namespace belongs to; other namespaces are not monitored
 */
public record MonitorSettings(URI webhook, String bearerToken, Map<String, String> environments,
                              Duration evaluationInterval, Duration window, Duration holdFor,
                              double errorRateThreshold, double latencyMultiple) {

    public MonitorSettings {
        environments = Map.copyOf(environments);
        if (errorRateThreshold <= 0 || errorRateThreshold >= 1) {
            throw new IllegalArgumentException("the error-rate threshold must be between 0 and 1");
        }
        if (latencyMultiple <= 1) {
            throw new IllegalArgumentException("the latency multiple must be above 1");
        }
    }

    /** The runbook's thresholds with a 5 s window, held for 2 s, evaluated every 500 ms. */
    public static MonitorSettings runbook(URI webhook, String bearerToken, Map<String, String> environments) {
        return new MonitorSettings(webhook, bearerToken, environments, Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofSeconds(2), 0.05, 2.0);
    }

    /**
     * Reads the settings from the environment: {@code SANDBOX_ALERT_WEBHOOK}, {@code ALERTMANAGER_TOKEN},
     * {@code SANDBOX_ENVIRONMENTS} ({@code namespace=environment,...}; {@code SANDBOX_MONITOR=off} watches nothing),
     * and optionally {@code SANDBOX_MONITOR_WINDOW},
     * {@code SANDBOX_MONITOR_FOR} (ISO-8601, {@code 5s} or {@code 500ms}), {@code SANDBOX_ERROR_RATE_THRESHOLD},
     * {@code SANDBOX_LATENCY_MULTIPLE}.
     */
    public static MonitorSettings fromEnvironment(Map<String, String> env) {
        String webhook = env.get("SANDBOX_ALERT_WEBHOOK");
        boolean off = "off".equals(env.get("SANDBOX_MONITOR"));
        MonitorSettings defaults = runbook(webhook == null || webhook.isBlank() ? null : URI.create(webhook),
                env.get("ALERTMANAGER_TOKEN"), off ? Map.of() : environments(env.getOrDefault("SANDBOX_ENVIRONMENTS", "")));
        return new MonitorSettings(defaults.webhook(), defaults.bearerToken(), defaults.environments(),
                defaults.evaluationInterval(),
                duration(env, "SANDBOX_MONITOR_WINDOW", defaults.window()),
                duration(env, "SANDBOX_MONITOR_FOR", defaults.holdFor()),
                number(env, "SANDBOX_ERROR_RATE_THRESHOLD", defaults.errorRateThreshold()),
                number(env, "SANDBOX_LATENCY_MULTIPLE", defaults.latencyMultiple()));
    }

    /** Reads {@code shop=development,shop-staging=staging}. */
    static Map<String, String> environments(String text) {
        Map<String, String> environments = new java.util.HashMap<>();
        for (String pair : text.split(",")) {
            if (!pair.isBlank()) {
                String[] parts = pair.trim().split("=", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException("SANDBOX_ENVIRONMENTS: expected namespace=environment, was '"
                            + pair.trim() + "'");
                }
                environments.put(parts[0].trim(), parts[1].trim());
            }
        }
        return environments;
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
            }
            return trimmed.startsWith("P") || trimmed.startsWith("p") ? Duration.parse(trimmed)
                    : Duration.parse("PT" + trimmed);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": expected a duration such as 5s, 500ms or PT5S, was '"
                    + trimmed + "'");
        }
    }

    private static double number(Map<String, String> env, String name, double fallback) {
        String text = env.get(name);
        try {
            return text == null || text.isBlank() ? fallback : Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, was '" + text.trim() + "'");
        }
    }
}
