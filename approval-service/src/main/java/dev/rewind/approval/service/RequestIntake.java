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
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.events.EventJson;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records each rollback request and applies the approval policy: approves at once where the policy needs nobody
 * (and commands the rollback), otherwise asks for approval before the severity's deadline. A request about a target
 * outside the configured environments is declined: the policy applies to configured environments only.
 */
@ApplicationScoped
public class RequestIntake {

    /** Who approves when the policy needs no person. */
    public static final String POLICY = "policy";

    private final ApprovalPolicy policy;
    private final Environments environments;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public RequestIntake(ApprovalPolicy policy, Environments environments, Outbox outbox, Clock clock) {
        this.policy = policy;
        this.environments = environments;
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
        Optional<String> refusal = environments.refusal(request.target());
        if (refusal.isPresent()) {
            record.state = record.state.moveTo(ApprovalState.REJECTED);
            record.decidedAt = now;
            record.persist();
            recordPolicyDecision(record.id, ApprovalDecisionRecord.Verdict.REJECT, refusal.get(), now);
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackDeclined(request.incidentId(), request.target(),
                    DeclineReason.TARGET_NOT_CONFIGURED, refusal.get(), now));
        } else if (requirement.automatic()) {
            record.state = record.state.moveTo(ApprovalState.APPROVED);
            record.decidedAt = now;
            record.persist();
            recordPolicyDecision(record.id, ApprovalDecisionRecord.Verdict.APPROVE, null, now);
            outbox.publish(Topics.INCIDENT_EVENTS, new ApprovalGranted(request.incidentId(), request.target(),
                    request.requestId(), POLICY, true, "no approval required in " + request.target().environment(),
                    List.of(), now));
            outbox.publish(Topics.ROLLBACK_COMMANDS, new RollbackApproved(UUID.randomUUID(), request.requestId(),
                    request.incidentId(), request.incidentNumber(), request.target(), request.severity(),
                    request.reason(), request.method(), request.toRevision(), request.release(), List.of(), List.of(), now));
        } else {
            record.persist();
            outbox.publish(Topics.INCIDENT_EVENTS, new ApprovalRequested(request.incidentId(), request.target(),
                    request.requestId(), request.severity(), List.of(requirement.roles()),
                    List.of(request.requestedBy()), record.deadline, record.deadline, now));
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
        record.release = EventJson.write(request.release());
        record.requestedBy = request.requestedBy();
        record.state = ApprovalState.PENDING;
        record.required = requirement.approvals();
        record.deadline = now.plus(requirement.deadline());
        record.requestedAt = now;
        return record;
    }

    private static void recordPolicyDecision(UUID requestId, ApprovalDecisionRecord.Verdict verdict, String comment,
                                             Instant now) {
        ApprovalDecisionRecord decision = new ApprovalDecisionRecord();
        decision.id = UUID.randomUUID();
        decision.requestId = requestId;
        decision.decidedBy = POLICY;
        decision.verdict = verdict;
        decision.comment = comment;
        decision.automatic = true;
        decision.decidedAt = now;
        decision.persist();
    }
}
