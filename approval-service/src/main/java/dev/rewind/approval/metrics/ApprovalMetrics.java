package dev.rewind.approval.metrics;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The requests waiting for people, as gauges per state (pending: for approvals; held: for a guard's override): how
 * many, and the age of the oldest. Read with one grouped query every {@code rewind.metrics.refresh-interval}, not at
 * each scrape; NaN while the table cannot be read.
 */
@ApplicationScoped
public class ApprovalMetrics {

    private static final Logger LOG = Logger.getLogger(ApprovalMetrics.class);
    private static final List<ApprovalState> WAITING = List.of(ApprovalState.PENDING, ApprovalState.HELD);

    private final RewindMeters meters;
    private final Clock clock;
    private final Map<ApprovalState, Waiting> waiting = new ConcurrentHashMap<>();

    @Inject
    public ApprovalMetrics(RewindMeters meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup) {
        for (ApprovalState state : WAITING) {
            waiting.put(state, Waiting.UNREAD);
            String tag = state.name().toLowerCase(Locale.ROOT);
            meters.gauge(RewindMetric.APPROVALS_PENDING, () -> waiting.get(state).count(), tag);
            meters.gauge(RewindMetric.APPROVALS_OLDEST_PENDING_AGE, () -> waiting.get(state).oldestAgeSeconds(), tag);
        }
    }

    @Scheduled(identity = "rewind-approval-metrics", every = "${rewind.metrics.refresh-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord
                    .getEntityManager().createQuery("select r.state, count(r), min(r.requestedAt)"
                            + " from ApprovalRequestRecord r where r.state in :waiting group by r.state", Object[].class)
                    .setParameter("waiting", WAITING).getResultList());
            Instant now = Instant.now(clock);
            Map<ApprovalState, Waiting> read = new EnumMap<>(ApprovalState.class);
            WAITING.forEach(state -> read.put(state, Waiting.NONE));
            for (Object[] row : rows) {
                Duration age = Duration.between((Instant) row[2], now);
                read.put((ApprovalState) row[0], new Waiting(((Long) row[1]).doubleValue(),
                        Math.max(0, age.toMillis()) / 1000.0));
            }
            waiting.putAll(read);
        } catch (RuntimeException e) {
            WAITING.forEach(state -> waiting.put(state, Waiting.UNREAD));
            LOG.debugf("waiting approvals not counted, showing NaN: %s", e.toString());
        }
    }

    /** How many requests of one state wait, and since when the oldest does. */
    private record Waiting(double count, double oldestAgeSeconds) {
        static final Waiting NONE = new Waiting(0, 0);
        static final Waiting UNREAD = new Waiting(Double.NaN, Double.NaN);
    }
}
