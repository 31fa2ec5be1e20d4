package dev.rewind.approval.service;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.events.Topics;
import dev.rewind.events.command.RollbackApproved;
import dev.rewind.events.incident.Approval;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.platform.tracing.MessageTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The events a request's decisions cause, written to the outbox in the caller's transaction so that a decision, its
 * command and its events are committed together or not at all.
 */
@ApplicationScoped
public class Announcements {

    /** The escalation level a missed approval deadline reaches: the runbook's level 2, the DevOps team. */
    static final int DEADLINE_ESCALATION_LEVEL = 2;

    private final Outbox outbox;
    private final MessageTracing tracing;

    @Inject
    public Announcements(Outbox outbox, MessageTracing tracing) {
        this.outbox = outbox;
        this.tracing = tracing;
    }

    /** The request waits for people: the approvals it needs, who may not give them, when it escalates and expires. */
    public void awaitingApproval(ApprovalRequestRecord request, Collection<String> excluded, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new ApprovalRequested(request.incidentId, request.targetKey(),
                request.id, request.severity, request.approvalsNeeded().asLists(),
                List.copyOf(excluded), request.deadline, request.expiresAt, now));
    }

    /** The request got every approval it needs: the rollback is commanded. */
    public void approved(ApprovalRequestRecord request, List<Approval> approvals, boolean automatic,
                         String comment, List<String> notifyRoles, List<DeclineReason> overrides, Instant now) {
        List<String> approvers = approvals.stream().map(Approval::by).toList();
        String approvedBy = automatic ? RequestIntake.POLICY : String.join(", ", approvers);
        publish(request, Topics.INCIDENT_EVENTS, new ApprovalGranted(request.incidentId, request.targetKey(),
                request.id, approvedBy, automatic, comment, notifyRoles, approvals, now));
        publish(request, Topics.ROLLBACK_COMMANDS, new RollbackApproved(UUID.randomUUID(), request.id,
                request.incidentId, request.incidentNumber, request.targetKey(), request.severity, request.reason,
                request.method, request.toRevision, request.releaseJudgedBad(), request.rollbackToRelease(), approvers,
                overrides, now));
    }

    /** A person lifted the guard that held the request, with a reason. */
    public void overridden(ApprovalRequestRecord request, String by, String reason, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new GuardOverridden(request.incidentId, request.targetKey(),
                request.id, by, request.holdCode, reason, now));
    }

    /** A person turned the request down, through {@code channel}, after the approvals {@code cast} gave. */
    public void rejected(ApprovalRequestRecord request, String by, String reason, Channel channel,
                         List<ApprovalDecisionRecord> cast, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new ApprovalRejected(request.incidentId, request.targetKey(),
                request.id, by, reason, channel.name().toLowerCase(Locale.ROOT), approvals(cast), now));
    }

    /** The deadline passed undecided: people are paged (production is never approved by a timer). */
    public void escalated(ApprovalRequestRecord request, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new IncidentEscalated(request.incidentId, request.targetKey(),
                DEADLINE_ESCALATION_LEVEL, "no decision on the " + request.severity + " rollback of "
                + request.target + " since " + request.requestedAt + ": its approval deadline " + request.deadline
                + " passed; " + (request.holdCode == null ? "it needs " + request.approvalsNeeded()
                : "the " + request.holdCode + " guard holds it (" + request.holdReason + "): decide whether to "
                + "override it (POST /api/v1/approvals/" + request.id + "/override, with a reason) or reject it"),
                now));
    }

    /** Every alert of the request's incident resolved while it awaited people: they are told, {@code note} says why. */
    public void alertsResolved(ApprovalRequestRecord request, String note, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new ApprovalAlertsResolved(request.incidentId, request.targetKey(),
                request.id, request.state == ApprovalState.HELD, request.alertsResolvedAt, note, now));
    }

    public void expired(ApprovalRequestRecord request, Instant now) {
        publish(request, Topics.INCIDENT_EVENTS, new ApprovalExpired(request.incidentId, request.targetKey(),
                request.id, request.requestedAt, approvals(ApprovalDecisionRecord.on(request.id)), now));
    }

    /**
     * Publishes in the alert's trace: a person's decision arrives over HTTP in a trace of its own, which the span
     * continuing the request's trace links to.
     */
    private <E extends RewindEvent> void publish(ApprovalRequestRecord request, Topic<E> topic, E event) {
        try (MessageTracing.Resumed trace = tracing.resume("approval decision", request.traceParent)) {
            outbox.publish(topic, event);
        }
    }

    /** The approvals among {@code cast}: who, through which channel, when (the record of each person's consent). */
    public static List<Approval> approvals(List<ApprovalDecisionRecord> cast) {
        return cast.stream().filter(decision -> decision.vote().consents())
                .map(decision -> new Approval(decision.decidedBy, decision.channel.name().toLowerCase(Locale.ROOT),
                        decision.decidedAt))
                .toList();
    }
}
