package dev.rewind.sandbox.monitor;

import dev.rewind.sandbox.apps.DemoTraffic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The monitor's rules for one demo application, evaluated on its samples the way Prometheus alerting rules would be:
 * {@code HighErrorRate} when the share of 5xx over the window exceeds the threshold, {@code HighLatency} when the
 * p99 exceeds the baseline's multiple, {@code HealthCheckFailing} when the health check fails; each must hold for
 * the settings' {@code holdFor} before it fires.
 */
final class AppWatch {

    /** What the application had served, how it answered, and how many pods were ready, at one instant. */
    record Sample(Instant at, Map<String, DemoTraffic.Served> byVersion, double p99Seconds, boolean healthy,
                  int readyReplicas) {
    }

    private final MonitorSettings settings;
    private final Map<String, String> targetLabels;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Map<String, AlertCondition> conditions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> firingLabels = new HashMap<>();

    /** Watches the application of Deployment {@code namespace/deployment} in {@code environment}. */
    AppWatch(MonitorSettings settings, String environment, String namespace, String deployment) {
        this.settings = settings;
        this.targetLabels = Map.of("environment", environment, "namespace", namespace, "service", deployment,
                "severity", "page");
        for (String alertName : List.of("HighErrorRate", "HighLatency", "HealthCheckFailing")) {
            conditions.put(alertName, new AlertCondition(settings.holdFor()));
        }
    }

    /** Adds {@code sample}; returns the notifications its evaluation makes (fired or resolved alerts). */
    List<AlertNotification> evaluate(Sample sample) {
        samples.addLast(sample);
        // Keeps the latest sample at or before the window's start, so that the window is covered whole.
        Instant windowStart = sample.at().minus(settings.window());
        while (samples.size() > 1) {
            Iterator<Sample> oldestFirst = samples.iterator();
            oldestFirst.next();
            if (oldestFirst.next().at().isAfter(windowStart)) {
                break;
            }
            samples.removeFirst();
        }
        Sample oldest = samples.getFirst();
        List<AlertNotification> notifications = new ArrayList<>();
        VersionErrors errors = VersionErrors.between(oldest, sample);
        check("HighErrorRate", sample.at(), errors.ratio() > settings.errorRateThreshold(), errors.worstVersion(),
                String.format(Locale.ROOT, "High error rate (%.1f%% 5xx errors)", errors.ratio() * 100),
                String.format(Locale.ROOT, "%.4f", errors.ratio()), notifications);
        double multiple = sample.p99Seconds() / DemoTraffic.BASELINE_P99_SECONDS;
        check("HighLatency", sample.at(), multiple > settings.latencyMultiple(), errors.newestVersion(),
                String.format(Locale.ROOT, "p99 latency %.0f ms, %.1fx the baseline", sample.p99Seconds() * 1000,
                        multiple),
                String.format(Locale.ROOT, "%.2fx", multiple), notifications);
        // No pod ready (scaled to zero, or not started yet) is not a failing health check: nothing to ask.
        check("HealthCheckFailing", sample.at(), sample.readyReplicas() > 0 && !sample.healthy(),
                errors.newestVersion(),
                "Health check failing", "1", notifications);
        return notifications;
    }

    private void check(String alertName, Instant now, boolean active, String version, String summary, String value,
                       List<AlertNotification> notifications) {
        AlertCondition condition = conditions.get(alertName);
        AlertCondition.Change change = condition.evaluate(now, active);
        if (change == AlertCondition.Change.NONE) {
            return;
        }
        Map<String, String> identity = new TreeMap<>(targetLabels);
        identity.put("alertname", alertName);
        String fingerprint = fingerprint(identity);
        Instant startsAt = condition.startsAt().orElse(now);
        if (change == AlertCondition.Change.FIRED) {
            Map<String, String> labels = new TreeMap<>(identity);
            if (version != null) {
                labels.put("version", version);
            }
            firingLabels.put(alertName, labels);
            notifications.add(new AlertNotification("firing", labels, Map.of("summary", summary, "value", value),
                    startsAt, null, fingerprint));
        } else {
            // Resolved with the labels it fired with, as Alertmanager does.
            notifications.add(new AlertNotification("resolved", firingLabels.getOrDefault(alertName, identity),
                    Map.of("summary", summary + " (resolved)"), startsAt, now, fingerprint));
        }
    }

    /** Alertmanager's fingerprint is a hash of the alert's identifying labels. */
    private static String fingerprint(Map<String, String> labels) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(labels.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 5xx share between two samples, and the version that answered the worst share. */
    private record VersionErrors(double ratio, String worstVersion, String newestVersion) {

        static VersionErrors between(Sample from, Sample to) {
            long requests = 0;
            long errors = 0;
            String worst = null;
            double worstRatio = -1;
            String newest = null;
            for (Map.Entry<String, DemoTraffic.Served> entry : to.byVersion().entrySet()) {
                DemoTraffic.Served before = from.byVersion().getOrDefault(entry.getKey(),
                        new DemoTraffic.Served(0, 0));
                long versionRequests = entry.getValue().requests() - before.requests();
                long versionErrors = entry.getValue().errors() - before.errors();
                if (versionRequests > 0) {
                    requests += versionRequests;
                    errors += versionErrors;
                    newest = entry.getKey();
                    double ratio = (double) versionErrors / versionRequests;
                    if (ratio > worstRatio) {
                        worstRatio = ratio;
                        worst = entry.getKey();
                    }
                }
            }
            return new VersionErrors(requests == 0 ? 0 : (double) errors / requests, worst, newest);
        }
    }
}
