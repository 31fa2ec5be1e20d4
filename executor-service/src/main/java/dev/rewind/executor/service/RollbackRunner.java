package dev.rewind.executor.service;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionInterrupted;
import dev.rewind.executor.domain.LeaseLost;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.domain.MethodUnavailable;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.GitOpsOwner;
import dev.rewind.executor.gitops.GitOpsOwnership;
import dev.rewind.executor.gitops.GitOpsPause;
import dev.rewind.executor.gitops.GitOpsPolicy;
import dev.rewind.executor.gitops.GitOpsPolicyChoice;
import dev.rewind.executor.kubernetes.DeploymentRollbacks;
import dev.rewind.executor.kubernetes.ObservedDeployment;
import dev.rewind.executor.kubernetes.RolloutStatus;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.migration.MigrationRollback;
import dev.rewind.executor.persistence.ExecutionLease;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.strategy.PausedUndo;
import dev.rewind.executor.strategy.RollbackOrder;
import dev.rewind.executor.strategy.RollbackStrategies;
import dev.rewind.executor.strategy.RollbackStrategy;
import dev.rewind.executor.troubleshoot.Finding;
import dev.rewind.executor.troubleshoot.Troubleshooter;
import dev.rewind.executor.verification.VerificationTarget;
import dev.rewind.executor.verification.Verifier;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.kubernetes.KubernetesFailures;
import dev.rewind.kubernetes.MigrationMark;
import dev.rewind.platform.messaging.TransientFailures;
import dev.rewind.platform.tracing.LogContext;
import dev.rewind.platform.tracing.MessageTracing;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Drives each execution whose lease this instance takes: for each method of its chain until one can, plan, commit
 * to the plan, make the one change, follow it, record the outcome. Starts right after a command is committed; on start-up and
 * periodically it takes over unfinished executions nobody holds (an instance stopped or died). A refusal or a failure
 * that outlived its retries fails the execution with its reason, for people; stopping never does: the execution is
 * left as recorded, its lease given back, and resumed by whichever instance takes it.
 */
@ApplicationScoped
public class RollbackRunner {

    private static final Logger LOG = Logger.getLogger(RollbackRunner.class);
    private static final long STOP_GRACE_SECONDS = 10;

    private final DeploymentRollbacks rollbacks;
    private final RollbackStrategies strategies;
    private final MigrationRollback migrations;
    private final Troubleshooter troubleshooter;
    private final Verifier verifier;
    private final ExecutionLedger ledger;
    private final ExecutionLease lease;
    private final ExecutorConfig config;
    private final MessageTracing tracing;
    private final PausedUndo pausedUndo;
    private final ExecutorService workers;
    /** Executions submitted to this instance's workers, queued or running. */
    private final Set<UUID> driving = ConcurrentHashMap.newKeySet();
    /** Those of them whose lease this instance took. */
    private final Set<UUID> leased = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Inject
    public RollbackRunner(DeploymentRollbacks rollbacks, RollbackStrategies strategies, MigrationRollback migrations,
                          Troubleshooter troubleshooter, Verifier verifier, ExecutionLedger ledger,
                          ExecutionLease lease, ExecutorConfig config, MessageTracing tracing,
                          PausedUndo pausedUndo) {
        this.tracing = tracing;
        this.pausedUndo = pausedUndo;
        this.rollbacks = rollbacks;
        this.strategies = strategies;
        this.migrations = migrations;
        this.troubleshooter = troubleshooter;
        this.verifier = verifier;
        this.ledger = ledger;
        this.lease = lease;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.concurrency(), task -> new Thread(task, "rewind-rollback"));
    }

    void start(@Observes StartupEvent startup) {
        LOG.infof("executor instance %s resumes unfinished executions it can take", lease.owner());
        takeOverUnowned();
    }

    @Scheduled(every = "${rewind.executor.lease.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverUnowned() {
        if (!stopping) {
            whileDatabaseAnswers("look for executions to take over", () -> lease.claimable().forEach(this::submit));
        }
    }

    @Scheduled(every = "${rewind.executor.lease.renew-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewLeases() {
        if (!leased.isEmpty() && !stopping) {
            whileDatabaseAnswers("renew leases", () -> lease.renew(Set.copyOf(leased)).forEach(
                    id -> LOG.warnf("execution %s: lease lost; another instance drives it now", id)));
        }
    }

    /** Runs a periodic chore; a database that is away is said in one line, and the next tick tries again. */
    private static void whileDatabaseAnswers(String chore, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (!databaseAway(e)) {
                throw e;
            }
            LOG.warnf("cannot %s now, trying again at the next tick: %s", chore, e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopGracefully();
    }

    /**
     * A graceful stop (a rolling update of the executor itself) interrupts the rollbacks in flight, waits for them to
     * let go without recording anything against them, and gives their leases back for another instance to resume.
     */
    public void stopGracefully() {
        stopping = true;
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warnf("rollbacks still running %d s into the stop; their leases are given back all the same: "
                        + "another instance resumes them, and the patch's compare-and-set keeps a second patch out",
                        STOP_GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int released = lease.releaseAll();
        if (released > 0) {
            LOG.infof("stopping: gave back the leases of %d unfinished executions for another instance", released);
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExecutionAccepted accepted) {
        submit(accepted.executionId());
    }

    private void submit(UUID executionId) {
        if (stopping || !driving.add(executionId)) {
            return;
        }
        try {
            workers.execute(() -> {
                try {
                    drive(executionId);
                } finally {
                    driving.remove(executionId);
                }
            });
        } catch (RejectedExecutionException e) {
            driving.remove(executionId);
        }
    }

    void drive(UUID executionId) {
        Optional<ExecutionRecord> execution = lease.take(executionId);
        if (execution.isEmpty()) {
            return;
        }
        leased.add(executionId);
        try {
            driveTraced(execution.get());
        } finally {
            leased.remove(executionId);
        }
    }

    /**
     * Drives the execution, and records its failure, in a span continuing the trace of the command that started it
     * (resumed after a restart, too), with its target and incident in every log line.
     */
    private void driveTraced(ExecutionRecord execution) {
        Span span = tracing.startLater("rollback", execution.traceParent);
        span.setAttribute("rewind.target", execution.target);
        span.setAttribute("rewind.execution", execution.id.toString());
        try (Scope scope = span.makeCurrent();
             LogContext log = LogContext.of(execution.target, execution.incidentId)) {
            LOG.infof("execution %s: lease taken by %s, driving it", execution.id, lease.owner());
            try {
                run(execution);
            } catch (RuntimeException e) {
                MessageTracing.markFailed(span, e);
                settle(execution.id, e);
            }
        } finally {
            span.end();
        }
    }

    /** What a failure of driving the execution leaves: nothing while stopping or the database is away, else its failure. */
    private void settle(UUID executionId, RuntimeException e) {
        if (e instanceof LeaseLost) {
            LOG.infof("execution %s: %s", executionId, e.getMessage());
            return;
        }
        if (stopping || interrupted(e)) {
            LOG.infof("execution %s interrupted by a stop: left to be resumed", executionId);
            lease.release(executionId);
            return;
        }
        if (databaseAway(e)) {
            // Not the rollback's fault: the lease expires and this or another instance resumes it later.
            LOG.warnf("execution %s: database unavailable (%s); it will be resumed", executionId, e.getMessage());
            return;
        }
        try {
            ledger.fail(executionId, reasonOf(e, ledger.load(executionId)));
        } catch (RuntimeException unrecorded) {
            // The database is likely away: the lease expires and this or another instance resumes the execution.
            LOG.errorf(unrecorded, "execution %s: cannot record its failure (%s); it will be resumed",
                    executionId, e.getMessage());
        }
    }

    /**
     * Tries the execution's methods in their order until one rolls the target back or refuses: a method that cannot
     * (not configured, no history, its pipeline failed) hands over to the next before it changed anything.
     */
    private void run(ExecutionRecord execution) {
        RollbackOrder order = ledger.orderOf(execution);
        ExecutionRecord current = execution;
        while (true) {
            try {
                Optional<Committed> committed = current.plan == null ? planAndStart(current, order)
                        : resumed(current, order);
                if (committed.isPresent()) {
                    change(committed.get(), order);
                }
                return;
            } catch (MethodUnavailable unavailable) {
                current = fallBack(current, unavailable);
            }
        }
    }

    /** An execution committed to its method and plan, about to change the target. */
    private record Committed(ExecutionRecord execution, RollbackStrategy strategy, UndoPlan plan,
                             boolean migrationFirst, boolean sendingRecorded) {
    }

    /**
     * Plans the rollback from one look at the Deployment, handing over along the method chain while a method cannot
     * plan it (nothing changed meanwhile, so the same look serves the next method; the patch is a compare-and-set on
     * what was looked at), then commits to the plan, with what planning chose, behind the guards; empty when the plan
     * is that nothing needs doing.
     */
    private Optional<Committed> planAndStart(ExecutionRecord execution, RollbackOrder order) {
        ObservedDeployment observed = rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
        GitOpsOwnership gitOps = strategies.gitOpsOf(observed);
        GitOpsPolicyChoice policy = strategies.policyOf(observed, gitOps, order.severity());
        MigrationMark migration = migrations.check(observed.deployment());
        MethodChain chosen = execution.chain == null ? strategies.chainFor(execution.requestedMethod, observed, gitOps,
                policy) : null;
        List<RollbackMethod> methods = chosen != null ? chosen.methods() : MethodChain.stored(execution.chain);
        boolean migrationFirst = migration == MigrationMark.REVERSIBLE;
        List<String> handovers = new ArrayList<>();
        for (int i = chosen != null ? 0 : execution.attempt; i < methods.size(); i++) {
            RollbackStrategy strategy;
            UndoPlan plan;
            try {
                strategy = strategies.of(methods.get(i));
                RollbackStrategies.refuseInCluster(methods.get(i), observed, gitOps, policy.policy());
                if (migrationFirst && methods.get(i) == RollbackMethod.GITOPS) {
                    // The schema would go back before a change in Git that may never be merged or deployed.
                    throw new MethodUnavailable("a reversible migration would be rolled back first, and a change in "
                            + "Git may never be merged: Rewind does not combine the two");
                }
                boolean pausing = RollbackStrategies.pausesFor(methods.get(i), gitOps, policy.policy());
                if (migrationFirst && pausing) {
                    // People told to resume a sync Git never caught up with would deploy the faulty release onto the
                    // rolled-back schema.
                    throw new MethodUnavailable("a reversible migration would be rolled back first, and Git may never "
                            + "catch up with a rollback made under a paused sync: Rewind does not combine the two");
                }
                plan = strategy.plan(order, observed);
                if (pausing) {
                    plan = pausedUndo.plan(order, observed, gitOps.owner(), plan);
                }
                ledger.start(execution.id, chosen, handovers, methods.get(i), plan, sendsNext(plan, migrationFirst));
            } catch (MethodUnavailable unavailable) {
                LOG.infof("execution %s: %s", execution.id, unavailable.getMessage());
                handovers.add(unavailable.getMessage());
                continue;
            } catch (RollbackRefused refused) {
                // The refusal is the method's that got this far: what planning chose until then is recorded first.
                recordPlanning(execution.id, chosen, handovers);
                throw refused;
            }
            if (plan.skipped() != null) {
                ledger.succeed(execution.id, plan.skipped());
                return Optional.empty();
            }
            return Optional.of(new Committed(execution, strategy, plan, migrationFirst, sendsNext(plan,
                    migrationFirst)));
        }
        // No method can: recorded as methods that could not, the last one refusing with them all.
        recordPlanning(execution.id, chosen, handovers);
        throw new IllegalStateException("execution " + execution.id + ": every method handed over, none refused");
    }

    /** Whether the change is sent right after the start is recorded: not after a migration or a pause. */
    private static boolean sendsNext(UndoPlan plan, boolean migrationFirst) {
        return !migrationFirst && plan.pause() == null;
    }

    /**
     * Records what planning chose, one transaction each (a refusal follows): the method chain, then each method that
     * could not plan, handing over to the next; the last method handing over refuses with them all.
     */
    private void recordPlanning(UUID executionId, MethodChain chosen, List<String> handovers) {
        if (chosen != null) {
            ledger.chose(executionId, chosen);
        }
        for (String reason : handovers) {
            ledger.fallBack(executionId, reason);
        }
    }

    /**
     * The plan an earlier run of the execution committed to, checked again: a plan recorded by an executor without
     * the bad-release guard may be resumed here. Its migration is looked at again unless the patch may have been sent,
     * and so is whether Argo CD or Flux applies the target now.
     */
    private Optional<Committed> resumed(ExecutionRecord execution, RollbackOrder order) {
        UndoPlan plan = ExecutionLedger.planOf(execution);
        RollbackStrategy strategy = strategies.of(plan.methodOrKubectl());
        if (plan.skipped() != null) {
            ledger.succeed(execution.id, plan.skipped()); // planned as nothing to do; interrupted before it was recorded
            return Optional.empty();
        }
        refuseReturningToABadRelease(execution, plan);
        if (execution.patchSentAt == null) {
            refuseInClusterNow(plan, rollbacks.observedNow(order.target()));
        }
        return Optional.of(new Committed(execution, strategy, plan, execution.patchSentAt == null, false));
    }

    /** Moves on to the execution's next method; refuses when none is left or this one may have made its change. */
    private ExecutionRecord fallBack(ExecutionRecord execution, MethodUnavailable unavailable) {
        ExecutionRecord next = ledger.fallBack(execution.id, unavailable.getMessage());
        LOG.infof("execution %s: %s; trying %s", next.id, unavailable.getMessage(), next.method);
        return next;
    }

    /**
     * Makes the committed change (under a pause of its GitOps sync, then making Git catch up, for a plan that pauses
     * one), follows it, and records the outcome with its verification. After a restart past the sync's resume, only
     * Git's catch-up (its following) and the verification are left.
     */
    private void change(Committed committed, RollbackOrder order) {
        UUID id = committed.execution().id;
        UndoPlan plan = committed.plan();
        boolean resumedSync = committed.execution().gitOpsResumedAt != null;
        if (plan.pause() != null && !resumedSync) {
            pausedUndo.pause(order, plan);
        }
        RolloutStatus status = resumedSync ? null : changeInCluster(committed, order);
        if (status != null && status.failed()) {
            ledger.fail(id, status.message(), status.stuck() ? diagnose(order) : List.of());
            return;
        }
        if (plan.pause() != null) {
            status = pausedUndo.catchUp(order, plan);
            if (status.failed()) {
                ledger.fail(id, status.message());
                return;
            }
        }
        ObservedDeployment rolledOut = rollbacks.observedNow(order.target());
        Instant changedAt = ledger.load(id).patchSentAt;
        ledger.verified(id, status.message(), verifier.verify(new VerificationTarget(order.target(),
                rolledOut.environment(), rolledOut.client(), rolledOut.deployment(), changedAt,
                committed.execution().incidentId)));
    }

    /**
     * Makes the committed change in the cluster (after the release's migration rollback, while the target still runs
     * the release judged bad) and follows its rollout, restarting it once when stuck.
     */
    private RolloutStatus changeInCluster(Committed committed, RollbackOrder order) {
        UUID id = committed.execution().id;
        RollbackStrategy strategy = committed.strategy();
        UndoPlan plan = committed.plan();
        if (committed.migrationFirst()) {
            ObservedDeployment current = rollbacks.observe(order.target(), order.judged(), order.incidentNumber());
            refuseInClusterNow(plan, current);
            migrations.rollBack(order.target(), current.deployment(), plan.fromVersion(), plan.toVersion(),
                    id.toString()).ifPresent(done -> ledger.migrationRolledBack(id, done));
        }
        // Recorded with the start when nothing comes in between: then this run is the first to send it.
        boolean mayHaveBeenSent = !committed.sendingRecorded() && ledger.patchSending(id);
        strategy.apply(order, plan, mayHaveBeenSent);
        ledger.patched(id, strategy.appliedStep(), strategy.applied(order, plan));
        RolloutStatus status = strategy.follow(order, plan);
        return status.stuck() ? restartOnce(order, plan, status) : status;
    }

    /**
     * Troubleshooting's first move: a stuck rollout gets one {@code rollout restart}, recorded before it is sent so
     * that a resumed execution never restarts twice, and only while the Deployment still runs this rollback's
     * images; then its rollout is followed again.
     */
    private RolloutStatus restartOnce(RollbackOrder order, UndoPlan plan, RolloutStatus stuck) {
        Release expected = DeploymentRevisions.releaseOf(plan.toRevision(), plan.template());
        Release running = DeploymentRevisions.releaseOf(rollbacks.current(order.target()));
        if (!running.images().equals(expected.images())) {
            return RolloutStatus.stuck(stuck.message() + "; not restarted: deployment " + plan.deployment()
                    + " now runs " + new TreeMap<>(running.images()) + ", not this rollback's images");
        }
        Optional<String> setBack = plan.pause() == null ? gitOpsSetsBack(rollbacks.observedNow(order.target()))
                : Optional.empty();
        if (setBack.isPresent()) {
            return RolloutStatus.stuck(stuck.message() + "; not restarted: " + setBack.get());
        }
        if (!ledger.restarting(order.executionId())) {
            return stuck; // restarted by an earlier run of this execution: followed again by the strategy already
        }
        try {
            String at = troubleshooter.restart(order.target(), Instant.now());
            ledger.restarted(order.executionId(), "deployment.apps/" + plan.name() + " restarted at " + at + " ("
                    + stuck.message() + ")");
        } catch (RollbackRefused e) {
            return RolloutStatus.stuck(stuck.message() + "; not restarted: " + e.getMessage());
        }
        RolloutStatus again = rollbacks.awaitRollout(order.target(), plan, order.rolloutTimeout());
        return again.failed() ? RolloutStatus.stuck(again.message() + " (after one rollout restart)") : again;
    }

    /**
     * Why a {@code rollout restart} of {@code observed} would not hold: a GitOps controller syncing it sets the
     * restart's annotation back (or it cannot be told); empty when nothing applies it from Git or its sync is off.
     */
    private Optional<String> gitOpsSetsBack(ObservedDeployment observed) {
        try {
            GitOpsOwner owner = strategies.gitOpsOf(observed).owner();
            return owner != null && owner.reconciles() ? Optional.of(owner.describe() + " would set a rollout restart "
                    + "back to what Git holds") : Optional.empty();
        } catch (RollbackRefused unknown) {
            return Optional.of(unknown.getMessage());
        }
    }

    /** What the cluster shows is wrong; a diagnosis that cannot be read is said, never fatal to the report. */
    private List<String> diagnose(RollbackOrder order) {
        try {
            return troubleshooter.diagnose(order.target()).findings().stream().map(Finding::text).toList();
        } catch (RuntimeException e) {
            if (interrupted(e)) {
                throw e;
            }
            LOG.warnf("cannot diagnose %s: %s", order.target(), e.toString());
            return List.of("no diagnosis: the cluster could not be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Hands over to the next method when {@code plan}'s method changes only the cluster and GitOps applies it now,
     * unless the plan pauses that very owner's sync.
     */
    private void refuseInClusterNow(UndoPlan plan, ObservedDeployment observed) {
        GitOpsOwnership now = strategies.gitOpsOf(observed);
        GitOpsPause pause = plan.pause();
        boolean paused = pause != null && (now.owner() == null || (now.owner().kind() == pause.kind()
                && now.owner().namespace().equals(pause.namespace()) && now.owner().name().equals(pause.name())));
        RollbackStrategies.refuseInCluster(plan.methodOrKubectl(), observed, now, paused
                ? GitOpsPolicy.PAUSE_AND_UNDO : GitOpsPolicy.REVERT);
    }

    /** Refuses {@code plan} when it returns the target to a release judged bad before; overrides do not skip this. */
    private void refuseReturningToABadRelease(ExecutionRecord execution, UndoPlan plan) {
        ledger.badReleaseRefusal(execution, plan).ifPresent(reason -> {
            throw new RollbackRefused(execution.patchSentAt == null ? reason : reason + "; an earlier run of this "
                    + "execution may have sent the patch already: check 'kubectl rollout history' and 'kubectl "
                    + "rollout status' for the deployment before acting");
        });
    }

    private String reasonOf(RuntimeException e, ExecutionRecord execution) {
        if (e instanceof RollbackRefused) {
            return e.getMessage();
        }
        if (KubernetesFailures.isTransient(e)) {
            String failing = "the Kubernetes API kept failing for " + config.kubernetesRetry().maxDuration() + " ("
                    + e.getMessage() + ")";
            if (execution != null && execution.patchSentAt != null) {
                // Never say "not rolled back" when the patch may be on the cluster: rolling back by hand would then
                // restore the faulty release.
                return failing + " after the rollback patch was " + (execution.patchedAt != null ? "applied"
                        : "sent (it may have been applied)") + ": check 'kubectl rollout history' and 'kubectl rollout"
                        + " status' for the deployment before acting; do not roll it back again blindly";
            }
            return failing + " before any patch was sent; not rolled back: check the cluster's API server, then "
                    + "roll back by hand";
        }
        if (e instanceof KubernetesClientException) {
            return "the Kubernetes API refused the rollback: " + e.getMessage();
        }
        // Never guess after an unexpected error: the execution fails (one per incident) and people decide.
        LOG.errorf(e, "rollback failed unexpectedly");
        return "unexpected error: " + e;
    }

    /** A failure of the database that will pass, not of the cluster (whose retries already ran out). */
    private static boolean databaseAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KubernetesClientException) {
                return false;
            }
        }
        return TransientFailures.isTransient(e);
    }

    private static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ExecutionInterrupted) {
                return true;
            }
        }
        return false;
    }
}
