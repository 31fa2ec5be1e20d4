package dev.rewind.executor.metrics;

import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.platform.metrics.AfterCommit;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The executor's metrics: rollbacks finished, by strategy (the method that ran last: kubectl, helm, pipeline,
 * redeploy; {@code none} when it failed before one was chosen) and outcome (succeeded, unverified, failed), counted
 * when the outcome commits, so an execution resumed after a crash counts once.
 */
@ApplicationScoped
public class ExecutorMetrics {

    private final RewindMeters meters;
    private final AfterCommit afterCommit;

    @Inject
    public ExecutorMetrics(RewindMeters meters, AfterCommit afterCommit) {
        this.meters = meters;
        this.afterCommit = afterCommit;
    }

    /** Counts a rollback that ended in {@code outcome} with {@code strategy}, once the transaction commits. */
    public void finished(RollbackMethod strategy, ExecutionState outcome) {
        String strategyName = strategy == null ? "none" : strategy.name().toLowerCase(Locale.ROOT);
        String outcomeName = outcome.name().toLowerCase(Locale.ROOT);
        afterCommit.run(() -> meters.counter(RewindMetric.ROLLBACKS, strategyName, outcomeName).increment());
    }
}
