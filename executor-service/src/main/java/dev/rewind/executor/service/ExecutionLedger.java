package dev.rewind.executor.service;

import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.BadReleaseGuard;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.domain.MethodChain;
import dev.rewind.executor.domain.RollbackCooldown;
import dev.rewind.executor.domain.RollbackRefused;
import dev.rewind.executor.gitops.git.ChangeRequest;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.metrics.ExecutorMetrics;
import dev.rewind.executor.persistence.ExecutionLease;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.executor.pipeline.PipelineRun;
import dev.rewind.executor.strategy.RollbackOrder;
import dev.rewind.executor.verification.CheckResult;
import dev.rewind.kubernetes.DeploymentRevisions;
import dev.rewind.platform.messaging.Outbox;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Every state change of an execution, each in its own transaction with the incident event that announces it, and
 * each only while this instance holds the execution's lease: what is recorded here is what a restarted or another
 * instance resumes from. Each step is announced once, however often the execution is resumed.
 */
@ApplicationScoped
public class ExecutionLedger {

    /** The step announcing that a person's override let the rollback run within the cooldown. */
    public static final String COOLDOWN_OVERRIDDEN = "cooldown-overridden";

    private static final Logger LOG = Logger.getLogger(ExecutionLedger.class);

    /** The unique index that allows one running execution per target (V3 migration). */
    private static final String RUNNING_PER_TARGET = "execution_one_running_per_target";

    private final Outbox outbox;
    private final Clock clock;
    private final ExecutionLease lease;
    private final ExecutorConfig config;
    private final ExecutorMetrics metrics;

    @Inject
    public ExecutionLedger(Outbox outbox, Clock clock, ExecutionLease lease, ExecutorConfig config,
                           ExecutorMetrics metrics) {
        this.outbox = outbox;
        this.clock = clock;
        this.lease = lease;
        this.config = config;
        this.metrics = metrics;
    }

    @Transactional
    public ExecutionRecord load(UUID executionId) {
        return ExecutionRecord.findById(executionId);
    }

    /** Why the target must not be rolled back again yet: a rollback of it succeeded within the cooldown. */
    private Optional<String> cooldownRefusal(ExecutionRecord execution) {
        Instant now = Instant.now(clock);
        TargetKey target = target(execution);
        return ExecutionRecord.lastRollbackOf(execution.target, now.minus(config.cooldown()))
                .flatMap(last -> RollbackCooldown.refusal(target.namespace() + "/" + target.service(),
                        last.finishedAt, last.incidentNumber, now, config.cooldown()));
    }

    /**
     * Why {@code plan} must not be sent: it returns the target to a release an earlier incident judged bad and Rewind
     * rolled back from. Never skipped by an override.
     */
    @Transactional
    public Optional<String> badReleaseRefusal(ExecutionRecord execution, UndoPlan plan) {
        List<BadReleaseGuard.Verdict> verdicts = ExecutionRecord.rolledBackFrom(execution.target, execution.id)
                .stream().map(earlier -> new BadReleaseGuard.Verdict(earlier.incidentNumber,
                        judgedReleaseOf(earlier), earlier.finishedAt))
                .toList();
        boolean explicitRevision = execution.toRevision != null && execution.toRevision > 0;
        return BadReleaseGuard.refusal(plan.deployment(), DeploymentRevisions.releaseOf(plan.toRevision(),
                plan.template()), explicitRevision, verdicts);
    }

    /** The guards a person overrode for {@code execution}'s rollback. */
    public static Set<DeclineReason> overridesOf(ExecutionRecord execution) {
        if (execution.overrides == null || execution.overrides.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(execution.overrides.split(",")).map(String::strip).map(DeclineReason::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code overrides} as stored in the execution's overrides column; null for none. */
    static String overridesColumn(List<DeclineReason> overrides) {
        return overrides.isEmpty() ? null
                : overrides.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    /**
     * Records the order in which the execution tries the rollback methods, chosen when first planned so that a
     * resumed execution keeps to it; what is wrong with the Deployment's own list is reported as a step.
     */
    @Transactional
    public ExecutionRecord chose(UUID executionId, MethodChain chain) {
        ExecutionRecord execution = owned(executionId);
        recordChain(execution, chain);
        return execution;
    }

    private void recordChain(ExecutionRecord execution, MethodChain chain) {
        execution.chain = MethodChain.format(chain.methods());
        execution.attempt = 0;
        execution.attempts = chain.leftOut().isEmpty() ? null : String.join("\n", chain.leftOut());
        execution.method = chain.methods().get(0);
        execution.updatedAt = Instant.now(clock);
        if (!chain.warnings().isEmpty()) {
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                    execution.id, "method-chain", String.join("; ", chain.warnings()), execution.updatedAt));
        }
    }

    /**
     * The method being tried cannot roll the target back ({@code reason}) and changed nothing on the cluster: moves
     * on to the next method of the chain, announces it, and returns the execution as it is now.
     *
     * @throws RollbackRefused saying why the rollback fails when no method is left, or when this one may have sent
     *         its change (then no other method may run over it)
     */
    @Transactional
    public ExecutionRecord fallBack(UUID executionId, String reason) {
        ExecutionRecord execution = owned(executionId);
        List<RollbackMethod> chain = execution.chain == null ? List.of(execution.method)
                : MethodChain.stored(execution.chain);
        if (execution.patchSentAt != null && execution.method != RollbackMethod.PIPELINE
                || execution.gitOpsPausedAt != null) {
            throw new RollbackRefused(reason);
        }
        if (execution.attempt + 1 >= chain.size()) {
            String tried = (execution.attempts == null ? "" : execution.attempts + "\n")
                    + execution.method.name().toLowerCase(Locale.ROOT) + ": " + reason;
            throw new RollbackRefused(chain.size() == 1 && execution.attempts == null ? reason : "no rollback method "
                    + "could roll back deployment " + deploymentOf(execution) + " (" + String.join("; ",
                    tried.split("\n")) + ")");
        }
        handOver(execution, chain, reason);
        return execution;
    }

    /** Moves {@code execution} on to the next method of its {@code chain}, announced with why this one cannot. */
    private void handOver(ExecutionRecord execution, List<RollbackMethod> chain, String reason) {
        String method = execution.method.name().toLowerCase(Locale.ROOT);
        RollbackMethod next = chain.get(execution.attempt + 1);
        execution.attempts = (execution.attempts == null ? "" : execution.attempts + "\n") + method + ": " + reason;
        execution.attempt++;
        execution.method = next;
        execution.plan = null;
        execution.pipelineRun = null;
        execution.gitChange = null;
        execution.patchSentAt = null;
        execution.patchedAt = null;
        execution.updatedAt = Instant.now(clock);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, "method-unavailable", method + " cannot roll back: " + reason + "; trying "
                + next.name().toLowerCase(Locale.ROOT) + " next", execution.updatedAt));
    }

    /**
     * Commits to {@code plan} before the cluster is touched, and announces the start (the first method's, or the
     * method taking over from one that could not roll back). Refuses, in the same transaction, when the plan returns
     * the target to a release judged bad before, when the target was rolled back within the cooldown (unless a person
     * overrode that guard: then said as a step), and when another execution of the same target is under way: a
     * second rollback would take the first one's patch for its own. Planning's choices are recorded with it: the
     * method chain when first chosen, and each method that could not plan, handing over to the next.
     *
     * @param chosen the method chain chosen while planning; null when recorded before
     * @param handovers why each method before the planning one could not plan, in chain order
     * @param method the method whose plan this is
     * @param sendingNext true when the change is sent right after, nothing in between: records that it is about to
     *                    be sent ({@link #patchSending}) in this transaction
     */
    @Transactional
    public void start(UUID executionId, MethodChain chosen, List<String> handovers, RollbackMethod method,
                      UndoPlan plan, boolean sendingNext) {
        ExecutionRecord execution = owned(executionId);
        if (chosen != null) {
            recordChain(execution, chosen);
        }
        for (String reason : handovers) {
            handOver(execution, MethodChain.stored(execution.chain), reason);
        }
        if (execution.method != method) {
            throw new IllegalStateException("execution " + executionId + " planned by " + method + " but its chain is"
                    + " at " + execution.method);
        }
        if (plan.skipped() == null) {
            badReleaseRefusal(execution, plan).ifPresent(reason -> {
                throw new RollbackRefused(reason);
            });
        }
        String cooldownOverridden = execution.state == ExecutionState.ACCEPTED ? cooldownOverridden(execution) : null;
        ExecutionRecord.runningOn(execution.target, executionId).ifPresent(other -> {
            throw new RollbackRefused("deployment " + plan.deployment() + " is being rolled back already (incident "
                    + other.incidentNumber + ", execution " + other.id + "); not starting a second rollback");
        });
        boolean first = execution.state == ExecutionState.ACCEPTED;
        if (first) {
            move(execution, ExecutionState.RUNNING);
        } else {
            execution.updatedAt = Instant.now(clock);
        }
        execution.plan = Serialization.asJson(plan);
        execution.fromRevision = plan.fromRevision();
        execution.toRevisionResolved = plan.toRevision();
        execution.fromVersion = plan.fromVersion();
        execution.toVersion = plan.toVersion();
        if (sendingNext && plan.skipped() == null) {
            execution.patchSentAt = execution.updatedAt;
        }
        try {
            // The unique index on running executions per target settles a race with another execution here.
            ExecutionRecord.flush();
        } catch (PersistenceException e) {
            if (!violates(e, RUNNING_PER_TARGET)) {
                throw e; // a database failure, not a second rollback: the caller tells them apart
            }
            throw new RollbackRefused("deployment " + plan.deployment() + " is being rolled back already by another "
                    + "execution; not starting a second rollback");
        }
        if (cooldownOverridden != null) {
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                    execution.id, COOLDOWN_OVERRIDDEN, "cooldown check skipped: a person overrode the COOLDOWN guard "
                    + "at the approval service (" + cooldownOverridden + ")", execution.updatedAt));
        }
        if (first) {
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStarted(execution.incidentId, target(execution),
                    execution.id, execution.method, plan.fromRevision(), plan.toRevision(), plan.fromVersion(),
                    plan.toVersion(), execution.updatedAt));
        } else {
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                    execution.id, "method-started", execution.method.name().toLowerCase(Locale.ROOT) + " rolls "
                    + plan.deployment() + " back from revision " + plan.fromRevision() + " (" + plan.fromVersion()
                    + ") to revision " + plan.toRevision() + " (" + plan.toVersion() + ")", execution.updatedAt));
        }
    }

    /**
     * The cooldown refusal of {@code execution}'s first start that a person's override of the COOLDOWN guard skips;
     * null when the target is not cooling down.
     *
     * @throws RollbackRefused when it is and nobody overrode the guard
     */
    private String cooldownOverridden(ExecutionRecord execution) {
        Optional<String> cooling = cooldownRefusal(execution);
        if (cooling.isEmpty()) {
            return null;
        }
        if (!overridesOf(execution).contains(DeclineReason.COOLDOWN)) {
            throw new RollbackRefused(cooling.get());
        }
        LOG.infof("execution %s: cooldown check skipped, a person overrode the COOLDOWN guard: %s", execution.id,
                cooling.get());
        return cooling.get();
    }

    /** What {@code execution} was asked to do, as the rollback methods read it. */
    public RollbackOrder orderOf(ExecutionRecord execution) {
        return new RollbackOrder(execution.id, target(execution),
                execution.incidentNumber == null ? 0 : execution.incidentNumber, judgedReleaseOf(execution),
                execution.toRevision == null ? 0 : execution.toRevision,
                execution.rollbackTo == null ? null : Serialization.unmarshal(execution.rollbackTo, Release.class),
                config.rolloutTimeoutOf(execution.severity), execution.severity);
    }

    /** Records the pipeline method's run as soon as the CI named it, before it is waited on. */
    @Transactional
    public void pipelineTriggered(UUID executionId, PipelineRun run) {
        ExecutionRecord execution = owned(executionId);
        execution.pipelineRun = Serialization.asJson(run);
        execution.updatedAt = Instant.now(clock);
    }

    /** The pipeline method's run recorded for {@code execution}, if triggered. */
    public static Optional<PipelineRun> pipelineRunOf(ExecutionRecord execution) {
        return Optional.ofNullable(execution.pipelineRun).map(json -> Serialization.unmarshal(json, PipelineRun.class));
    }

    /**
     * Records the GitOps method's change request as soon as the host answered (a step with its link), and again once
     * merged (a step with the merge commit).
     */
    @Transactional
    public void gitChangeRecorded(UUID executionId, ChangeRequest request, String detail) {
        ExecutionRecord execution = owned(executionId);
        boolean merged = request.merged();
        execution.gitChange = Serialization.asJson(request);
        execution.updatedAt = Instant.now(clock);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, merged ? "git-change-merged" : "git-change-opened", detail, execution.updatedAt));
    }

    /** The GitOps method's change request recorded for {@code execution}, if opened. */
    public static Optional<ChangeRequest> gitChangeOf(ExecutionRecord execution) {
        return Optional.ofNullable(execution.gitChange).map(json -> Serialization.unmarshal(json,
                ChangeRequest.class));
    }

    /** The plan a started execution committed to. */
    public static UndoPlan planOf(ExecutionRecord execution) {
        return Serialization.unmarshal(execution.plan, UndoPlan.class);
    }

    /** The release the incident judged bad; null for executions recorded before commands named it. */
    public static Release judgedReleaseOf(ExecutionRecord execution) {
        return execution.judgedRelease == null ? null : Serialization.unmarshal(execution.judgedRelease, Release.class);
    }

    /**
     * Records that the patch is about to be sent; returns true when it may have been sent already (by an earlier run
     * of this execution, here or on another instance).
     */
    @Transactional
    public boolean patchSending(UUID executionId) {
        ExecutionRecord execution = owned(executionId);
        if (execution.patchSentAt != null) {
            return true;
        }
        execution.patchSentAt = Instant.now(clock);
        return false;
    }

    /** Records, once, that the plan's GitOps sync was paused, announcing it ({@code gitops-paused}). */
    @Transactional
    public void gitOpsPaused(UUID executionId, String detail) {
        ExecutionRecord execution = owned(executionId);
        if (execution.gitOpsPausedAt == null) {
            execution.gitOpsPausedAt = announced(execution, "gitops-paused", detail);
        }
    }

    /** Records, once, that the plan's GitOps sync was resumed, announcing it ({@code gitops-resumed}). */
    @Transactional
    public void gitOpsResumed(UUID executionId, String detail) {
        ExecutionRecord execution = owned(executionId);
        if (execution.gitOpsResumedAt == null) {
            execution.gitOpsResumedAt = announced(execution, "gitops-resumed", detail);
        }
    }

    /** Announces step {@code step} of {@code execution} now; when, for the caller to record. */
    private Instant announced(ExecutionRecord execution, String step, String detail) {
        execution.updatedAt = Instant.now(clock);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, step, detail, execution.updatedAt));
        return execution.updatedAt;
    }

    /** True while {@code execution} holds its GitOps owner's sync paused: paused, not resumed yet. */
    public static boolean holdsGitOpsPause(ExecutionRecord execution) {
        return execution.gitOpsPausedAt != null && execution.gitOpsResumedAt == null;
    }

    /** Announces that the release's migration-rollback Job completed, once per execution. */
    @Transactional
    public void migrationRolledBack(UUID executionId, String detail) {
        ExecutionRecord execution = owned(executionId);
        if (execution.migrationRolledBackAt != null) {
            return;
        }
        execution.migrationRolledBackAt = Instant.now(clock);
        execution.updatedAt = execution.migrationRolledBackAt;
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, "migration-rolled-back", detail, execution.updatedAt));
    }

    /** Announces that the method made its change (the cluster took the patch, the CI started the run), once. */
    @Transactional
    public void patched(UUID executionId, String step, String detail) {
        ExecutionRecord execution = owned(executionId);
        if (execution.patchedAt != null) {
            return;
        }
        execution.patchedAt = Instant.now(clock);
        execution.updatedAt = execution.patchedAt;
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, step, detail, execution.updatedAt));
    }

    @Transactional
    public void succeed(UUID executionId, String message) {
        ExecutionRecord execution = finish(executionId, ExecutionState.SUCCEEDED, message);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackSucceeded(execution.incidentId, target(execution),
                execution.id, execution.method, execution.fromVersion, execution.toVersion, message,
                rolledBackFrom(execution), execution.updatedAt));
    }

    /** The release judged bad, once this execution changed the target: the release it was rolled back from. */
    private static Release rolledBackFrom(ExecutionRecord execution) {
        return execution.patchSentAt == null ? null : judgedReleaseOf(execution);
    }

    @Transactional
    public void fail(UUID executionId, String reason) {
        fail(executionId, reason, List.of());
    }

    /** Fails the execution with {@code reason} and what the cluster showed was wrong, most important first. */
    @Transactional
    public void fail(UUID executionId, String reason, List<String> diagnosis) {
        ExecutionRecord held = owned(executionId);
        if (holdsGitOpsPause(held) && held.plan != null && planOf(held).pause() != null) {
            // Whatever failed it, people must know the owner's sync is left paused, and whose it is to resume.
            String paused = planOf(held).pause().stillPaused();
            reason = reason.contains(paused) ? reason : reason + paused;
        }
        ExecutionRecord execution = finish(executionId, ExecutionState.FAILED, diagnosis.isEmpty() ? reason
                : reason + "; diagnosis: " + String.join("; ", diagnosis));
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackFailed(execution.incidentId, target(execution),
                execution.id, execution.method, reason, diagnosis, execution.updatedAt));
    }

    /**
     * Records that the one {@code rollout restart} of a stuck rollout is about to be sent; false when an earlier run
     * of this execution recorded it already: a rollout is restarted once.
     */
    @Transactional
    public boolean restarting(UUID executionId) {
        ExecutionRecord execution = owned(executionId);
        if (execution.restartedAt != null) {
            return false;
        }
        execution.restartedAt = Instant.now(clock);
        execution.updatedAt = execution.restartedAt;
        return true;
    }

    /** Announces the restart of a stuck rollout. */
    @Transactional
    public void restarted(UUID executionId, String detail) {
        ExecutionRecord execution = owned(executionId);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, "rollout-restarted", detail, Instant.now(clock)));
    }

    /**
     * Finishes a rollback whose rollout completed, with its verification: each check announced as a step, the whole
     * as a verification event, and the outcome (succeeded when every check passed, else rolled out but unverified),
     * in one transaction, so they are announced once however often the execution is resumed.
     */
    @Transactional
    public void verified(UUID executionId, String rolledOut, List<CheckResult> checks) {
        ExecutionRecord execution = owned(executionId);
        Instant now = Instant.now(clock);
        for (CheckResult check : checks) {
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                    execution.id, "verify-" + check.name(), (check.passed() ? "passed: " : "FAILED: ")
                    + check.detail(), now));
        }
        boolean passed = checks.stream().allMatch(CheckResult::passed);
        outbox.publish(Topics.INCIDENT_EVENTS, new VerificationCompleted(execution.incidentId, target(execution),
                execution.id, passed, checks.stream().map(c -> new VerificationCompleted.Check(c.name(), c.passed(),
                        c.detail())).toList(), now));
        if (passed) {
            succeed(executionId, rolledOut + (checks.isEmpty() ? "" : "; verified: " + checks.stream()
                    .map(CheckResult::name).collect(Collectors.joining(", "))));
            return;
        }
        String reason = checks.stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining("; "));
        finish(executionId, ExecutionState.UNVERIFIED, rolledOut + "; not verified: " + reason);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackUnverified(execution.incidentId, target(execution),
                execution.id, execution.method, execution.fromVersion, execution.toVersion, reason,
                rolledBackFrom(execution), execution.updatedAt));
    }

    private ExecutionRecord finish(UUID executionId, ExecutionState to, String message) {
        ExecutionRecord execution = owned(executionId);
        move(execution, to);
        execution.message = message;
        execution.finishedAt = execution.updatedAt;
        execution.leaseOwner = null;
        execution.leaseExpiresAt = null;
        metrics.finished(execution.method, to);
        return execution;
    }

    private ExecutionRecord owned(UUID executionId) {
        return lease.held(executionId);
    }

    private void move(ExecutionRecord execution, ExecutionState to) {
        execution.state = execution.state.moveTo(to);
        execution.updatedAt = Instant.now(clock);
    }

    private static TargetKey target(ExecutionRecord execution) {
        return TargetKey.parse(execution.target);
    }

    private static String deploymentOf(ExecutionRecord execution) {
        TargetKey target = target(execution);
        return target.namespace() + "/" + target.service();
    }

    /** True when {@code failure} is the violation of unique index {@code index}. */
    private static boolean violates(Throwable failure, String index) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation && index.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

}
