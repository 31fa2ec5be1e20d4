package dev.rewind.approval.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rewind.approval.domain.AlertsResolvedFlag;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.approval.service.YourVote;
import dev.rewind.events.EventJson;
import dev.rewind.events.Release;
import dev.rewind.events.Severity;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.request.Evidence;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the approval API shows of requests and votes. */
public final class ApprovalViews {

    private ApprovalViews() {
    }

    /**
     * A request in a list.
     *
     * @param alertsResolvedAt when every alert of the incident resolved while the request awaited people, or null
     * @param alertsResolved that flag in words while the request is undecided, or null
     */
    public record Summary(UUID id, long incidentNumber, String target, Severity severity, ApprovalState state,
                          String reason, String approvals, Instant requestedAt, Instant deadline, Instant expiresAt,
                          Instant alertsResolvedAt, String alertsResolved) {

        static Summary of(ApprovalRequestRecord r) {
            return new Summary(r.id, r.incidentNumber, r.target, r.severity, r.state, r.reason, r.approvals,
                    r.requestedAt, r.deadline, r.expiresAt, r.alertsResolvedAt,
                    AlertsResolvedFlag.note(r.state, r.alertsResolvedAt));
        }
    }

    /**
     * One request with what approvers weigh: the alerts and their values against thresholds, the release judged bad,
     * the release the rollback returns to, a guard's hold, who may not approve, every vote so far, and whether every
     * alert of the incident resolved meanwhile (as in {@link Summary}), and what the caller may do on it now.
     */
    public record Detail(UUID id, UUID incidentId, long incidentNumber, String target, Severity severity,
                         ApprovalState state, String reason, String requestedBy, String deployedBy,
                         Set<String> excluded, String approvals, Hold hold, Release release, Release rollbackTo,
                         List<Evidence> evidence, List<VoteView> votes, Instant requestedAt, Instant deadline,
                         Instant escalatedAt, Instant expiresAt, Instant decidedAt, Instant alertsResolvedAt,
                         String alertsResolved, YourVote yourVote) {

        static Detail of(ApprovalRequestRecord r, Set<String> excluded, List<ApprovalDecisionRecord> votes,
                         YourVote yourVote) {
            return new Detail(r.id, r.incidentId, r.incidentNumber, r.target, r.severity, r.state, r.reason,
                    r.requestedBy, r.deployedBy, excluded, r.approvals,
                    r.holdCode == null ? null : new Hold(r.holdCode, r.holdReason), r.releaseJudgedBad(),
                    r.rollbackTo == null ? null : EventJson.read(r.rollbackTo, Release.class), evidence(r),
                    votes.stream().map(VoteView::of).toList(), r.requestedAt, r.deadline, r.escalatedAt, r.expiresAt,
                    r.decidedAt, r.alertsResolvedAt, AlertsResolvedFlag.note(r.state, r.alertsResolvedAt), yourVote);
        }

        private static List<Evidence> evidence(ApprovalRequestRecord r) {
            if (r.evidence == null) {
                return List.of();
            }
            try {
                return EventJson.mapper().readValue(r.evidence, new TypeReference<List<Evidence>>() { });
            } catch (IOException e) {
                throw new IllegalStateException("stored evidence of request " + r.id + " is not readable", e);
            }
        }
    }

    /** The guard that held a request. */
    public record Hold(DeclineReason code, String reason) {
    }

    /** One vote, as the audit keeps it. */
    public record VoteView(String by, String roles, Verdict verdict, Channel channel, String reason, Instant at) {

        static VoteView of(ApprovalDecisionRecord d) {
            return new VoteView(d.decidedBy, d.roles, d.verdict, d.channel, d.reason, d.decidedAt);
        }
    }

    /** The body of a vote: why (required to reject or override, optional to approve). */
    public record VoteBody(String reason) {
    }
}
