package dev.rewind.postmortem.domain;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.request.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything Rewind knows about one incident, folded from its events by {@link IncidentHistory}: what was judged bad
 * and why, what was decided and approved, what the executor did, who was told, and when each thing happened.
 * Fields are null (lists empty) until the event that tells them has arrived.
 *
 * @param versions the release judged bad and the rollback's target
 * @param request the rollback request, when one was made
 * @param evidence the alerts behind the request, with their values and thresholds
 * @param decision what Rewind decided: roll back, hold for a guard, or decline
 * @param approvals who approved or rejected, when and through which channel
 * @param steps the executor's steps, in order
 * @param verification the checks after the rollback, when they ran
 * @param failure why the rollback failed, when it did
 * @param notifications who was told what, and what could not be delivered
 */
public record Incident(
        UUID id,
        Long number,
        TargetKey target,
        Severity severity,
        Signal signal,
        IncidentStatus status,
        String reason,
        Versions versions,
        Request request,
        List<Evidence> evidence,
        Decision decision,
        List<Override> overrides,
        ApprovalRequest approvalRequest,
        List<Vote> approvals,
        List<Step> steps,
        Verification verification,
        Failure failure,
        List<Notification> notifications,
        List<Escalation> escalations,
        Times times,
        Durations durations,
        Deadline deadline) {

    /**
     * What ran and what the rollback returned to.
     *
     * @param runningAtOpen the version running when the incident opened
     * @param judgedBad the release judged bad (revision and images)
     * @param rollbackTo the release the rollback was expected to return to
     * @param fromVersion the version the executor rolled back from
     * @param toVersion the version the executor rolled back to
     * @param method how the executor rolled back
     */
    public record Versions(String runningAtOpen, Release judgedBad, Release rollbackTo, String fromVersion,
                           String toVersion, RollbackMethod method) {
    }

    /** The rollback request: who asked, how it may run, and the guard that held it, if any. */
    public record Request(UUID requestId, String requestedBy, ExecutionMode mode, String deployedBy,
                          DeclineReason heldBy, String holdReason, Instant at) {
    }

    /** What Rewind decided about rolling back. */
    public record Decision(Outcome outcome, DeclineReason code, String reason, Instant at) {

        /** Roll back, wait for a person to lift a guard, or do not roll back. */
        public enum Outcome { ROLL_BACK, HELD, DECLINED }
    }

    /** A person lifted a guard, with a reason. */
    public record Override(String by, DeclineReason code, String reason, Instant at) {
    }

    /** The approvals the policy asked for: one entry per person, each listing the roles that may give it. */
    public record ApprovalRequest(List<List<String>> approvals, List<String> excluded, Instant deadline,
                                  Instant expiresAt, Instant at) {
    }

    /**
     * One approval decision.
     *
     * @param by the person, or {@code policy}
     * @param channel how it was given: {@code policy}, {@code api} or {@code slack}; null when the event did not say
     * @param comment the approver's comment or the rejection's reason
     */
    public record Vote(Verdict verdict, String by, boolean automatic, String channel, String comment, Instant at) {

        /** Approved, rejected, or expired undecided. */
        public enum Verdict { APPROVED, REJECTED, EXPIRED }
    }

    /** One step of the executor (started, each step, and how it ended). */
    public record Step(String step, String detail, Instant at) {
    }

    /** The checks after the rollback. */
    public record Verification(boolean passed, List<Check> checks, Instant at) {

        /** One check and its result. */
        public record Check(String name, boolean passed, String detail) {
        }
    }

    /** Why the rollback failed, in the tool's words, with what the cluster showed. */
    public record Failure(String reason, List<String> diagnosis, Instant at) {
    }

    /** A notification delivered, or given up on. */
    public record Notification(String channel, String notification, boolean delivered, String summary, Instant at) {
    }

    /** The incident moved up the escalation path. */
    public record Escalation(int level, String reason, Instant at) {
    }

    /**
     * When things happened.
     *
     * @param firstAlertAt when the earliest alert behind the request started firing: the impact's start
     * @param detectedAt when Rewind opened the incident
     * @param rollbackCompletedAt when the rollback rolled out (verified or not)
     * @param alertsResolvedAt when every alert of the incident first stood resolved, as its monitoring reported
     * @param recoveredAt when every alert resolved, or else when the verification passed
     * @param closedAt when the incident reached its final status
     */
    public record Times(Instant firstAlertAt, Instant detectedAt, Instant approvedAt, Instant rollbackStartedAt,
                        Instant rollbackCompletedAt, Instant alertsResolvedAt, Instant recoveredAt, Instant closedAt) {
    }

    /**
     * How long things took; null when one end is not known yet.
     *
     * @param toApprove detection to approval
     * @param toRollBack detection to the rollback's completion: what the severity's deadline bounds
     * @param rollout the rollback's start to its completion
     * @param toRecover detection to recovery
     * @param impact the impact's start (the first alert, else detection) to recovery (else completion, else close)
     */
    public record Durations(Duration toApprove, Duration toRollBack, Duration rollout, Duration toRecover,
                            Duration impact) {
    }

    /**
     * The runbook's deadline for the severity: roll back within {@code limit} of detection.
     *
     * @param dueAt detection plus the limit
     */
    public record Deadline(Duration limit, Instant dueAt, DeadlineState state) {
    }

    /** Whether the rollback beat its severity's deadline. */
    public enum DeadlineState {
        /** Rolled back before the deadline. */
        MET,
        /** Rolled back after it, or not rolled back by it. */
        MISSED,
        /** Still time to roll back. */
        PENDING,
        /**
         * No rollback was to happen (declined by Rewind, or rejected by a person), or the severity is unknown. An
         * expired request is no exception: nobody decided in time, so its deadline is missed once past.
         */
        NOT_APPLICABLE;

        /**
         * The one rule, for the record, the list and (stated again in SQL) the statistics: rolled back by {@code dueAt}
         * or not; without a rollback, not applicable when people or guards decided against one, else missed once past.
         *
         * @param dueAt detection plus the severity's deadline; null when the severity is not known
         */
        public static DeadlineState of(IncidentStatus status, Instant dueAt, Instant rollbackCompletedAt,
                                       Instant now) {
            if (dueAt == null) {
                return NOT_APPLICABLE;
            }
            if (rollbackCompletedAt != null) {
                return rollbackCompletedAt.isAfter(dueAt) ? MISSED : MET;
            }
            if (status == IncidentStatus.DECLINED || status == IncidentStatus.REJECTED) {
                return NOT_APPLICABLE;
            }
            return now.isAfter(dueAt) ? MISSED : PENDING;
        }
    }
}
