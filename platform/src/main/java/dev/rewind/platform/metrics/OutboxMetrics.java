package dev.rewind.platform.metrics;

import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.messaging.outbox.OutboxBacklog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog as gauges (pending, oldest pending age, parked), read from the table every
 * {@code rewind.metrics.refresh-interval} rather than at each scrape: a scrape never waits for the database. While
 * the table cannot be read the gauges show NaN, not the last numbers.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final RewindMeters meters;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.UNREAD;

    @Inject
    public OutboxMetrics(RewindMeters meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup) {
        meters.gauge(RewindMetric.OUTBOX_PENDING, () -> snapshot.pending());
        meters.gauge(RewindMetric.OUTBOX_PARKED, () -> snapshot.parked());
        meters.gauge(RewindMetric.OUTBOX_OLDEST_PENDING_AGE, () -> snapshot.oldestPendingAgeSeconds());
    }

    @Scheduled(identity = "rewind-outbox-metrics", every = "${rewind.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            OutboxBacklog backlog = QuarkusTransaction.requiringNew().call(OutboxRecord::backlog);
            snapshot = new Snapshot(backlog.pending(), backlog.parked(),
                    backlog.oldestPendingAge(Instant.now(clock)).map(OutboxMetrics::seconds).orElse(0.0));
        } catch (RuntimeException e) {
            snapshot = Snapshot.UNREAD;
            LOG.debugf("outbox metrics not refreshed, showing NaN: cannot read the outbox table: %s", e.toString());
        }
    }

    private static double seconds(Duration age) {
        return age.toMillis() / 1000.0;
    }

    /** The backlog as last read; NaN throughout when it could not be. */
    private record Snapshot(double pending, double parked, double oldestPendingAgeSeconds) {
        static final Snapshot UNREAD = new Snapshot(Double.NaN, Double.NaN, Double.NaN);
    }
}
