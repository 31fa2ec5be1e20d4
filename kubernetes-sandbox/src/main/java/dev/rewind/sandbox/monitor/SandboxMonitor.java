package dev.rewind.sandbox.monitor;

import dev.rewind.sandbox.DaemonThreads;
import dev.rewind.sandbox.apps.DemoApps;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches the sandbox's demo applications with the runbook's thresholds ({@link AppWatch}) and notifies the
 * detector's Alertmanager webhook when an alert fires or resolves, in order, retrying a notification the webhook did
 * not accept at the next evaluation (as Alertmanager retries). Only namespaces the settings map to an environment
 * are watched: the environment label is the monitor's configuration, as a Prometheus' external labels would be.
 */
public final class SandboxMonitor implements AutoCloseable {

    /** A notification and whether the webhook accepted it. */
    public record Sent(AlertNotification alert, Instant sentAt, int status) {
    }

    private static final Logger LOG = Logger.getLogger(SandboxMonitor.class.getName());

    private final MonitorSettings settings;
    private final DemoApps apps;
    private final AlertmanagerWebhook webhook;
    private final Map<DemoApps.AppId, AppWatch> watches = new HashMap<>();
    private final Deque<AlertNotification> unsent = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();
    /** How many sent notifications are kept for {@link #sent()}: the newest, so that a long-running sandbox stays small. */
    static final int KEPT = 1000;
    private final Set<String> unwatched = new HashSet<>();
    private final ScheduledExecutorService loop =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sandbox-monitor"));

    public SandboxMonitor(MonitorSettings settings, DemoApps apps) {
        this.settings = settings;
        this.apps = apps;
        this.webhook = settings.webhook() == null ? null : new AlertmanagerWebhook(settings.webhook(),
                settings.bearerToken());
    }

    /** Evaluates every {@link MonitorSettings#evaluationInterval()}. */
    public SandboxMonitor start() {
        long period = settings.evaluationInterval().toMillis();
        loop.scheduleWithFixedDelay(this::evaluateSafely, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    private void evaluateSafely() {
        try {
            evaluate(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "monitor round failed, retrying", e);
        }
    }

    /** One evaluation of every watched application at {@code now}, then the notifications still to send. */
    public synchronized void evaluate(Instant now) {
        apps.apps().forEach((id, traffic) -> {
            String environment = settings.environments().get(id.namespace());
            if (environment == null) {
                if (unwatched.add(id.namespace())) {
                    LOG.info("monitor: namespace " + id.namespace() + " belongs to no environment of"
                            + " SANDBOX_ENVIRONMENTS; not watching it");
                }
                return;
            }
            AppWatch watch = watches.computeIfAbsent(id,
                    key -> new AppWatch(settings, environment, id.namespace(), id.deployment()));
            unsent.addAll(watch.evaluate(new AppWatch.Sample(now, traffic.served(), traffic.p99Seconds(),
                    traffic.healthy(), traffic.readyReplicas())));
        });
        sendPending();
    }

    private void sendPending() {
        while (!unsent.isEmpty()) {
            AlertNotification alert = unsent.peekFirst();
            int status = 0;
            if (webhook != null) {
                try {
                    status = webhook.post(alert);
                } catch (java.io.IOException e) {
                    LOG.warning("monitor: the webhook " + settings.webhook() + " is unreachable (" + e
                            + "); retrying at the next evaluation");
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (status / 100 == 5 || status == 408 || status == 429) {
                    LOG.warning("monitor: the webhook answered " + status + " to " + describe(alert)
                            + "; retrying at the next evaluation");
                    return;
                }
                if (status / 100 != 2) {
                    LOG.warning("monitor: the webhook refused " + describe(alert) + " with " + status
                            + " (401/403: check ALERTMANAGER_TOKEN); not sending it again");
                }
            }
            // A 4xx for the payload or the credentials will not change on a retry: recorded with its status.
            unsent.removeFirst();
            sent.add(new Sent(alert, Instant.now(), status));
            if (sent.size() > KEPT) {
                sent.remove(0);
            }
            LOG.info("monitor: " + describe(alert) + (webhook == null ? " (no webhook configured)"
                    : " sent, answered " + status));
        }
    }

    /** The notifications sent so far (the newest {@value #KEPT}), oldest first (status 0: no webhook configured). */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    private static String describe(AlertNotification alert) {
        return alert.labels().get("alertname") + " " + alert.status() + " for " + alert.labels().get("environment")
                + "/" + alert.labels().get("namespace") + "/" + alert.labels().get("service")
                + (alert.firing() ? " (" + alert.annotations().get("summary") + ")" : "");
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
