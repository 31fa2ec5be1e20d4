package dev.rewind.executor.service;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.kubernetes.UndoPlan;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.platform.messaging.Outbox;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Every state change of an execution, each in its own transaction with the incident event that announces it: what
 * is recorded here is what a restarted executor resumes from.
 */
@ApplicationScoped
public class ExecutionLedger {

    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ExecutionLedger(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public ExecutionRecord load(UUID executionId) {
        return ExecutionRecord.findById(executionId);
    }

    /** Commits to {@code plan} before the cluster is touched, and announces the start. */
    @Transactional
    public void start(UUID executionId, UndoPlan plan) {
        ExecutionRecord execution = move(executionId, ExecutionState.RUNNING);
        execution.plan = Serialization.asJson(plan);
        execution.fromRevision = plan.fromRevision();
        execution.toRevisionResolved = plan.toRevision();
        execution.fromVersion = plan.fromVersion();
        execution.toVersion = plan.toVersion();
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStarted(execution.incidentId, target(execution),
                execution.id, execution.method, plan.fromRevision(), plan.toRevision(), plan.fromVersion(),
                plan.toVersion(), execution.updatedAt));
    }

    /** The plan a started execution committed to. */
    public static UndoPlan planOf(ExecutionRecord execution) {
        return Serialization.unmarshal(execution.plan, UndoPlan.class);
    }

    @Transactional
    public void step(UUID executionId, String step, String detail) {
        ExecutionRecord execution = ExecutionRecord.findById(executionId);
        execution.updatedAt = Instant.now(clock);
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(execution.incidentId, target(execution),
                execution.id, step, detail, execution.updatedAt));
    }

    @Transactional
    public void succeed(UUID executionId, String message) {
        ExecutionRecord execution = move(executionId, ExecutionState.SUCCEEDED);
        execution.message = message;
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackSucceeded(execution.incidentId, target(execution),
                execution.id, execution.method, execution.fromVersion, execution.toVersion, message,
                execution.updatedAt));
    }

    @Transactional
    public void fail(UUID executionId, String reason) {
        ExecutionRecord execution = move(executionId, ExecutionState.FAILED);
        execution.message = reason;
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackFailed(execution.incidentId, target(execution),
                execution.id, execution.method, reason, execution.updatedAt));
    }

    private ExecutionRecord move(UUID executionId, ExecutionState to) {
        ExecutionRecord execution = ExecutionRecord.findById(executionId);
        execution.state = execution.state.moveTo(to);
        execution.updatedAt = Instant.now(clock);
        return execution;
    }

    private static TargetKey target(ExecutionRecord execution) {
        return TargetKey.parse(execution.target);
    }
}
