package dev.rewind.approval.service;

import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.domain.Approver;
import dev.rewind.approval.domain.Approvals;
import dev.rewind.approval.domain.Ballot;
import dev.rewind.approval.domain.Channel;
import dev.rewind.approval.domain.Verdict;
import dev.rewind.approval.domain.Vote;
import dev.rewind.approval.persistence.ApprovalDecisionRecord;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.incident.DeclineReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies people's votes, from any channel, under the same rules: the request's row is locked while a vote is judged,
 * so simultaneous votes take turns and a request is approved, and its rollback commanded, exactly once. The vote, the
 * request's new state and the events they cause are committed together.
 */
@ApplicationScoped
public class Decisions {

    private final ApprovalPolicy policy;
    private final RequestIntake intake;
    private final Announcements announcements;
    private final Clock clock;

    @Inject
    public Decisions(ApprovalPolicy policy, RequestIntake intake, Announcements announcements, Clock clock) {
        this.policy = policy;
        this.intake = intake;
        this.announcements = announcements;
        this.clock = clock;
    }

    /**
     * {@code who} votes {@code verdict} on a request, through {@code channel}.
     *
     * @throws RequestNotFound when there is no such request
     * @throws VoteRefused when the rules refuse the vote
     */
    @Transactional
    public DecisionResult decide(UUID requestId, Approver who, Verdict verdict, String reason, Channel channel) {
        ApprovalRequestRecord request = ApprovalRequestRecord.locked(requestId);
        if (request == null) {
            throw new RequestNotFound(requestId);
        }
        Instant now = Instant.now(clock);
        if (!request.state.decided() && !request.expiresAt.isAfter(now)) {
            // expired, and the timer has not closed it yet: nobody decides on it any more
            throw new VoteRefused(Ballot.Refusal.NOT_OPEN, "the request expired at " + request.expiresAt
                    + " without a decision; if the target still needs a rollback, request a new one");
        }
        List<ApprovalDecisionRecord> cast = ApprovalDecisionRecord.on(requestId);
        Ballot ballot = new Ballot(request.state, request.approvalsNeeded(), intake.excluded(request),
                policy.overrideRoles(), cast.stream().map(ApprovalDecisionRecord::vote).toList());
        Ballot.Outcome outcome = ballot.cast(who, verdict, reason);
        if (outcome instanceof Ballot.Refused refused) {
            throw new VoteRefused(refused.refusal(), refused.message());
        }
        if (outcome instanceof Ballot.Repeated) {
            return result(request, cast, true);
        }
        String trimmedReason = reason == null || reason.isBlank() ? null : reason.strip();
        cast = new ArrayList<>(cast);
        cast.add(ApprovalDecisionRecord.cast(requestId, who.name(), who.roles(), verdict, channel, trimmedReason,
                now));
        apply(request, ((Ballot.Recorded) outcome).state(), who, verdict, trimmedReason, channel, cast, now);
        return result(request, cast, false);
    }

    /**
     * What {@code who} may do on {@code request} now, by the same rules a vote is judged by, without voting: the
     * console shows the buttons a person may use, and why not the others.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public YourVote preview(ApprovalRequestRecord request, Approver who) {
        if (!request.state.decided() && !request.expiresAt.isAfter(Instant.now(clock))) {
            String expired = "the request expired at " + request.expiresAt + " without a decision";
            return new YourVote(false, expired, false, expired);
        }
        Ballot ballot = new Ballot(request.state, request.approvalsNeeded(), intake.excluded(request),
                policy.overrideRoles(), ApprovalDecisionRecord.on(request.id).stream()
                        .map(ApprovalDecisionRecord::vote).toList());
        Ballot.Outcome approve = ballot.cast(who, Verdict.APPROVE, null);
        Ballot.Outcome reject = ballot.cast(who, Verdict.REJECT, "(preview)");
        return new YourVote(approve instanceof Ballot.Recorded, whyNot(approve, "you approved already"),
                reject instanceof Ballot.Recorded, whyNot(reject, "you rejected already"));
    }

    private static String whyNot(Ballot.Outcome outcome, String repeated) {
        if (outcome instanceof Ballot.Refused refused) {
            return refused.message();
        }
        return outcome instanceof Ballot.Repeated ? repeated : null;
    }

    private void apply(ApprovalRequestRecord request, ApprovalState next, Approver who, Verdict verdict,
                       String reason, Channel channel, List<ApprovalDecisionRecord> cast, Instant now) {
        ApprovalState before = request.state;
        if (verdict == Verdict.OVERRIDE) {
            announcements.overridden(request, who.name(), reason, now);
        }
        if (next != before) {
            request.state = before.moveTo(next);
        }
        switch (next) {
            case APPROVED -> {
                request.decidedAt = now;
                List<DeclineReason> overrides = request.holdCode == null ? List.of() : List.of(request.holdCode);
                announcements.approved(request, Announcements.approvals(cast), false, reason, List.of(), overrides, now);
            }
            case REJECTED -> {
                request.decidedAt = now;
                announcements.rejected(request, who.name(), reason, channel, cast, now);
            }
            case PENDING -> {
                if (before == ApprovalState.HELD) {
                    // the guard is lifted: the request now waits for approvals, its deadline counted from now (and
                    // escalating again if it passes), never later than the request's expiry
                    Instant deadline = now.plus(policy.requirementFor(request.targetKey().environment(),
                            request.severity, request.mode).deadline());
                    request.deadline = deadline.isBefore(request.expiresAt) ? deadline : request.expiresAt;
                    request.escalatedAt = null;
                    announcements.awaitingApproval(request, intake.excluded(request), now);
                }
            }
            default -> throw new IllegalStateException("a vote cannot move a request to " + next);
        }
    }

    private static List<String> consenting(List<ApprovalDecisionRecord> cast) {
        return cast.stream().filter(decision -> decision.vote().consents()).map(decision -> decision.decidedBy)
                .toList();
    }

    private static DecisionResult result(ApprovalRequestRecord request, List<ApprovalDecisionRecord> cast,
                                         boolean repeated) {
        Approvals approvals = request.approvalsNeeded();
        List<Vote> consents = cast.stream().map(ApprovalDecisionRecord::vote).filter(Vote::consents).toList();
        int missing = approvals.slots().size() - approvals.filledBy(consents.stream().map(Vote::roles).toList());
        String stillNeeded = request.state == ApprovalState.PENDING || request.state == ApprovalState.HELD
                ? missing + " of " + approvals : "none";
        return new DecisionResult(request.id, request.incidentNumber, request.target, request.severity,
                request.state, consenting(cast), stillNeeded, repeated);
    }
}
