package dev.rewind.executor.service;

import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Runs each accepted execution: plan as kubectl would, commit to the plan, send the one patch, follow the rollout,
 * record the outcome. Starts right after the command is committed, and on start-up resumes what a previous run left
 * unfinished: a started execution finishes its own plan and never plans again. Any error fails the execution with
 * its reason; a failed execution is never retried on its own, since the incident has exactly one.
 */
@ApplicationScoped
public class RollbackRunner {

    private static final Logger LOG = Logger.getLogger(RollbackRunner.class);

    private final DeploymentRollbacks rollbacks;
    private final ExecutionLedger ledger;
    private final ExecutorConfig config;
    private ExecutorService workers;

    @Inject
    public RollbackRunner(DeploymentRollbacks rollbacks, ExecutionLedger ledger, ExecutorConfig config) {
        this.rollbacks = rollbacks;
        this.ledger = ledger;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        workers = Executors.newFixedThreadPool(config.concurrency(), task -> new Thread(task, "rewind-rollback"));
        List<UUID> unfinished = QuarkusTransaction.requiringNew()
                .call(() -> ExecutionRecord.unfinished().stream().map(e -> e.id).toList());
        unfinished.forEach(this::submit);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.shutdownNow();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExecutionAccepted accepted) {
        submit(accepted.executionId());
    }

    private void submit(UUID executionId) {
        workers.execute(() -> run(executionId));
    }

    void run(UUID executionId) {
        ExecutionRecord execution = ledger.load(executionId);
        if (execution == null || execution.state.completed()) {
            return;
        }
        try {
            UndoPlan plan;
            if (execution.state == ExecutionState.ACCEPTED) {
                if (execution.method != RollbackMethod.KUBECTL) {
                    throw new RollbackRefused("rollback method " + execution.method + " is not available in this "
                            + "executor yet; only KUBECTL is");
                }
                long toRevision = execution.toRevision == null ? 0 : execution.toRevision;
                plan = rollbacks.plan(TargetKey.parse(execution.target), toRevision);
                ledger.start(executionId, plan);
                if (plan.skipped() != null) {
                    ledger.succeed(executionId, plan.skipped());
                    return;
                }
            } else {
                plan = ExecutionLedger.planOf(execution);
            }
            rollbacks.apply(plan);
            ledger.step(executionId, "patched", "deployment.apps/" + plan.name() + " rolled back to revision "
                    + plan.toRevision());
            RolloutStatus status = rollbacks.awaitRollout(plan);
            if (status.failed()) {
                ledger.fail(executionId, status.message());
            } else {
                ledger.succeed(executionId, status.message());
            }
        } catch (RollbackRefused e) {
            ledger.fail(executionId, e.getMessage());
        } catch (RuntimeException e) {
            // Never guess after an unexpected error: the execution fails (one per incident) and people decide.
            LOG.errorf(e, "rollback %s failed unexpectedly", executionId);
            ledger.fail(executionId, "unexpected error: " + e.getMessage());
        }
    }
}
