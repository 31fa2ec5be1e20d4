package dev.rewind.approval.service;

import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Requirement;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records each rollback request and applies the approval policy: approves at once where the policy needs nobody
 * (and commands the rollback), otherwise asks for approval before the severity's deadline.
 */
@ApplicationScoped
public class RequestIntake {

    /** Who approves when the policy needs no person. */
    public static final String POLICY = "policy";

    private final ApprovalPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public RequestIntake(ApprovalPolicy policy, Outbox outbox, Clock clock) {
        this.policy = policy;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(RollbackRequested request) {
        if (ApprovalRequestRecord.findById(request.requestId()) != null) {
            return; // the same request published twice
        }
        Instant now = Instant.now(clock);
        Requirement requirement = policy.requirementFor(request.target(), request.severity());
        ApprovalRequestRecord record = record(request, requirement, now);
        if (requirement.automatic()) {
            record.state = record.state.moveTo(ApprovalState.APPROVED);
            record.decidedAt = now;
            record.persist();
            recordPolicyDecision(record.id, now);
            outbox.publish(Topics.INCIDENT_EVENTS, new ApprovalGranted(request.incidentId(), request.target(),
                    request.requestId(), POLICY, true, "no approval required in " + request.target().environment(),
                    now));
            outbox.publish(Topics.ROLLBACK_COMMANDS, new RollbackApproved(UUID.randomUUID(), request.requestId(),
                    request.incidentId(), request.incidentNumber(), request.target(), request.severity(),
                    request.reason(), request.method(), request.toRevision(), List.of(), now));
        } else {
            record.persist();
            outbox.publish(Topics.INCIDENT_EVENTS, new ApprovalRequested(request.incidentId(), request.target(),
                    request.requestId(), request.severity(), requirement.approvals(), requirement.roles(),
                    record.deadline, now));
        }
    }

    private static ApprovalRequestRecord record(RollbackRequested request, Requirement requirement, Instant now) {
        ApprovalRequestRecord record = new ApprovalRequestRecord();
        record.id = request.requestId();
        record.incidentId = request.incidentId();
        record.incidentNumber = request.incidentNumber();
        record.target = request.target().toString();
        record.severity = request.severity();
        record.reason = request.reason();
        record.mode = request.mode();
        record.method = request.method();
        record.toRevision = request.toRevision();
        record.requestedBy = request.requestedBy();
        record.state = ApprovalState.PENDING;
        record.required = requirement.approvals();
        record.deadline = now.plus(requirement.deadline());
        record.requestedAt = now;
        return record;
    }

    private static void recordPolicyDecision(UUID requestId, Instant now) {
        ApprovalDecisionRecord decision = new ApprovalDecisionRecord();
        decision.id = UUID.randomUUID();
        decision.requestId = requestId;
        decision.decidedBy = POLICY;
        decision.verdict = ApprovalDecisionRecord.Verdict.APPROVE;
        decision.automatic = true;
        decision.decidedAt = now;
        decision.persist();
    }
}
