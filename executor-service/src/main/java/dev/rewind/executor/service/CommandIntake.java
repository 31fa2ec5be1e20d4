package dev.rewind.executor.service;

import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.executor.config.ExecutorConfig;
import dev.rewind.executor.domain.ExecutionState;
import dev.rewind.executor.persistence.ExecutionRecord;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.platform.tracing.MessageTracing;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records each approved rollback as the incident's one execution. A second command for an incident that already has
 * an execution is ignored: exactly one rollback per incident.
 */
@ApplicationScoped
public class CommandIntake {

    private final ExecutorConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<ExecutionAccepted> accepted;
    private final MessageTracing tracing;

    @Inject
    public CommandIntake(ExecutorConfig config, Outbox outbox, Clock clock, Event<ExecutionAccepted> accepted,
                         MessageTracing tracing) {
        this.tracing = tracing;
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.accepted = accepted;
    }

    /** Records the execution of {@code command}; empty when the incident already has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ExecutionRecord> accept(RollbackApproved command) {
        if (ExecutionRecord.forIncident(command.incidentId()).isPresent()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        ExecutionRecord execution = new ExecutionRecord();
        execution.id = UUID.randomUUID();
        execution.incidentId = command.incidentId();
        execution.commandId = command.commandId();
        execution.target = command.target().toString();
        execution.requestedMethod = command.method();
        execution.severity = command.severity();
        // Until the target's chain is chosen, when first planned: the method asked for, or the configured first.
        execution.method = command.method() != null ? command.method() : config.chain().get(0);
        execution.rollbackTo = command.rollbackTo() == null ? null : Serialization.asJson(command.rollbackTo());
        execution.toRevision = command.toRevision();
        execution.judgedRelease = Serialization.asJson(command.release());
        execution.overrides = ExecutionLedger.overridesColumn(command.overrides());
        execution.incidentNumber = command.incidentNumber();
        execution.state = ExecutionState.ACCEPTED;
        execution.traceParent = tracing.traceParentFor(command.target());
        execution.createdAt = now;
        execution.updatedAt = now;
        execution.persist();
        outbox.publish(Topics.INCIDENT_EVENTS, new RollbackStepCompleted(command.incidentId(), command.target(),
                execution.id, "accepted", command.method() == null ? "rollback queued"
                : "rollback by " + command.method().name().toLowerCase() + " queued", now));
        accepted.fire(new ExecutionAccepted(execution.id));
        return Optional.of(execution);
    }
}
