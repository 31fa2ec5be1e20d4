package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollback request is approved.
 *
 * @param approvedBy the approver, or {@code policy} when the environment's policy needs no approval
 * @param automatic true when the policy approved it without a person
 * @param notifyRoles roles the policy wants told of the rollback even though it needs no approval (staging: the team lead)
 * @param approvals each person's approval: who, through which channel, when; empty when the policy approved, and in
 *                  records published before 0.4
 */
@EventType("dev.rewind.approval.granted.v1")
public record ApprovalGranted(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        String approvedBy,
        boolean automatic,
        String comment,
        List<String> notifyRoles,
        List<Approval> approvals,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalGranted {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        requiredText("approvedBy", approvedBy);
        notifyRoles = copyOrEmpty(notifyRoles);
        approvals = copyOrEmpty(approvals);
    }

    /** An approval without the detail of each person's vote (the policy's own, or a test's). */
    public ApprovalGranted(UUID incidentId, TargetKey target, UUID requestId, String approvedBy, boolean automatic,
                           String comment, List<String> notifyRoles, Instant occurredAt) {
        this(incidentId, target, requestId, approvedBy, automatic, comment, notifyRoles, List.of(), occurredAt);
    }
}
