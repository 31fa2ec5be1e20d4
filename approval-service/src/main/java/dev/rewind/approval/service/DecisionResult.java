package dev.rewind.approval.service;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.events.Severity;
import java.util.List;
import java.util.UUID;

/**
 * Where a request stands after a vote, for the person who cast it.
 *
 * @param approvedBy the people whose votes count towards the approvals so far
 * @param stillNeeded the approvals still missing, in the policy's notation, or {@code none}
 * @param repeated true when the person had cast the same vote before: nothing changed
 */
public record DecisionResult(UUID requestId, long incidentNumber, String target, Severity severity,
                             ApprovalState state, List<String> approvedBy, String stillNeeded, boolean repeated) {
}
