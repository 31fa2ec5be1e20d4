package dev.rewind.detector.metrics;

import dev.rewind.detector.api.AlertmanagerAdapter;
import dev.rewind.detector.api.DatadogAdapter;
import dev.rewind.detector.api.GrafanaAdapter;
import dev.rewind.detector.api.NewRelicAdapter;
import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.detector.probe.ProbeAlerts;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.environment.EnvironmentsConfig;
import dev.rewind.platform.metrics.AfterCommit;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The detector's metrics: alerts received by source and outcome, decisions by decision-matrix row, and the open
 * incidents per configured environment (read every {@code rewind.metrics.refresh-interval}, not at each scrape).
 * Sources outside Rewind's own adapters are counted as {@value #OTHER}, so a record from an unknown producer adds no
 * series.
 */
@ApplicationScoped
public class DetectorMetrics {

    /** A webhook's alert made durable for processing. */
    public static final String ACCEPTED = "accepted";
    /** An alert refused with its request: its target is outside the configured environments. */
    public static final String REFUSED = "refused";
    /** Part of a payload deliberately not turned into an alert (a Datadog warning, an acknowledged New Relic issue). */
    public static final String IGNORED = "ignored";
    /** An alert processed again (a monitoring system's re-send, a record delivered twice): applied once only. */
    public static final String DUPLICATE = "duplicate";

    static final String OTHER = "other";

    private static final Logger LOG = Logger.getLogger(DetectorMetrics.class);
    private static final Set<String> SOURCES = Set.of(AlertmanagerAdapter.SOURCE, GrafanaAdapter.SOURCE,
            DatadogAdapter.SOURCE, NewRelicAdapter.SOURCE, ProbeAlerts.SOURCE);

    private final RewindMeters meters;
    private final AfterCommit afterCommit;
    private final Set<String> environments;
    private final Map<String, Double> openIncidents = new ConcurrentHashMap<>();

    @Inject
    public DetectorMetrics(RewindMeters meters, AfterCommit afterCommit, EnvironmentsConfig environments) {
        this.meters = meters;
        this.afterCommit = afterCommit;
        this.environments = Set.copyOf(environments.all().keySet());
    }

    void register(@Observes StartupEvent startup) {
        for (String environment : environments) {
            openIncidents.put(environment, Double.NaN);
            meters.gauge(RewindMetric.INCIDENTS_OPEN, () -> openIncidents.get(environment), environment);
        }
    }

    /** Counts {@code alerts} received with {@code outcome}, by their sources. */
    public void received(List<? extends AlertEvent> alerts, String outcome) {
        alerts.stream().collect(Collectors.groupingBy(alert -> source(alert.source()), Collectors.counting()))
                .forEach((source, count) -> meters.counter(RewindMetric.ALERTS_RECEIVED, source, outcome)
                        .increment(count));
    }

    /** Counts {@code count} parts of a {@code source} payload that were ignored. */
    public void ignored(String source, int count) {
        if (count > 0) {
            meters.counter(RewindMetric.ALERTS_RECEIVED, source(source), IGNORED).increment(count);
        }
    }

    /** Counts a duplicate alert of {@code source} once the processing transaction commits. */
    public void duplicate(String source) {
        afterCommit.run(() -> meters.counter(RewindMetric.ALERTS_RECEIVED, source(source), DUPLICATE).increment());
    }

    /**
     * Counts a decision on a firing alert, under its decision-matrix row (the alert's signal), once the processing
     * transaction commits: {@code rollback}, {@code held} (a guard held a rollback for people to override),
     * {@code declined} or {@code ignored}.
     */
    public void decided(Signal row, Decision decision, boolean held) {
        String outcome = decision instanceof Decision.RollBack ? "rollback"
                : decision instanceof Decision.Decline ? (held ? "held" : "declined") : "ignored";
        String rowName = row.name().toLowerCase(Locale.ROOT);
        afterCommit.run(() -> meters.counter(RewindMetric.DECISIONS, rowName, outcome).increment());
    }

    @Scheduled(identity = "rewind-detector-metrics", every = "${rewind.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            List<String> targets = QuarkusTransaction.requiringNew().call(() -> IncidentRecord.getEntityManager()
                    .createQuery("select i.target from IncidentRecord i where i.state = :open", String.class)
                    .setParameter("open", IncidentRecord.State.OPEN).getResultList());
            Map<String, Long> open = targets.stream().map(target -> TargetKey.parse(target).environment())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            environments.forEach(environment -> openIncidents.put(environment,
                    (double) open.getOrDefault(environment, 0L)));
        } catch (RuntimeException e) {
            environments.forEach(environment -> openIncidents.put(environment, Double.NaN));
            LOG.debugf("open incidents not counted, showing NaN: %s", e.toString());
        }
    }

    private static String source(String source) {
        return SOURCES.contains(source) ? source : OTHER;
    }
}
