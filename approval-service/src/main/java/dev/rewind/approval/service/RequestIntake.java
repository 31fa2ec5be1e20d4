package dev.rewind.approval.service;

import dev.rewind.approval.config.ApprovalConfig;
import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.domain.Requirement;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.EventJson;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.platform.tracing.MessageTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records each rollback request and applies the approval policy of its configured environment: approves at once where
 * the policy needs nobody (and commands the rollback), holds a request a guard held until someone overrides it, and
 * otherwise asks people for approval before the severity's deadline. A request about a target outside the configured
 * environments is declined: the policy applies to configured environments only.
 */
@ApplicationScoped
public class RequestIntake {

    /** Who approves when the policy needs no person. */
    public static final String POLICY = "policy";

    private final ApprovalPolicy policy;
    private final ApprovalConfig config;
    private final Environments environments;
    private final Announcements announcements;
    private final ResolvedIncidents resolvedIncidents;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public RequestIntake(ApprovalPolicy policy, ApprovalConfig config, Environments environments,
                         Announcements announcements, ResolvedIncidents resolvedIncidents, Outbox outbox,
                         Clock clock) {
        this.policy = policy;
        this.config = config;
        this.environments = environments;
        this.announcements = announcements;
        this.resolvedIncidents = resolvedIncidents;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(RollbackRequested request) {
        if (ApprovalRequestRecord.findById(request.requestId()) != null) {
            return; // the same request published twice
        }
        Instant now = Instant.now(clock);
        Requirement requirement = policy.requirementFor(request.target().environment(), request.severity(),
                request.mode());
        ApprovalRequestRecord record = record(request, requirement, now);
        record.traceParent = MessageTracing.currentTraceParent();
        Optional<String> refusal = environments.refusal(request.target());
        if (refusal.isPresent()) {
            record.state = record.state.moveTo(ApprovalState.REJECTED);
            record.decidedAt = now;
            record.persist();
            policyVote(record, Verdict.REJECT, refusal.get(), now);
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackDeclined(request.incidentId(), request.target(),
                    DeclineReason.TARGET_NOT_CONFIGURED, refusal.get(), now));
        } else if (request.hold() != null) {
            record.state = ApprovalState.HELD;
            record.persist(); // the detector already told the incident why; people override, or it expires
            resolvedIncidents.flagIfResolved(record, now);
        } else if (requirement.automatic()) {
            record.state = record.state.moveTo(ApprovalState.APPROVED);
            record.decidedAt = now;
            record.persist();
            String comment = "no approval required in " + request.target().environment();
            policyVote(record, Verdict.APPROVE, comment, now);
            announcements.approved(record, List.of(), true, comment, requirement.notifyRoles(), List.of(), now);
        } else {
            record.persist();
            announcements.awaitingApproval(record, excluded(record), now);
            resolvedIncidents.flagIfResolved(record, now);
        }
    }

    /** Who may not approve {@code request} under the configured policy. */
    public Set<String> excluded(ApprovalRequestRecord request) {
        return request.excluded(config.deployAuthorIsRequester());
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
        record.rollbackTo = request.rollbackTo() == null ? null : EventJson.write(request.rollbackTo());
        record.evidence = EventJson.write(request.evidence());
        record.deployedBy = request.deployedBy();
        if (request.hold() != null) {
            record.holdCode = request.hold().code();
            record.holdReason = request.hold().reason();
        }
        record.requestedBy = request.requestedBy();
        record.state = ApprovalState.PENDING;
        record.approvals = requirement.approvals().toString();
        record.required = requirement.approvals().slots().size();
        record.deadline = now.plus(requirement.deadline());
        record.expiresAt = now.plus(requirement.expireAfter());
        record.requestedAt = now;
        return record;
    }

    private static void policyVote(ApprovalRequestRecord record, Verdict verdict, String reason, Instant now) {
        ApprovalDecisionRecord.cast(record.id, POLICY, Set.of(), verdict, Channel.POLICY, reason, now);
    }
}
