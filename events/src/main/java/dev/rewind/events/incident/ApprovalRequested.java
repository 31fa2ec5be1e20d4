package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;

import dev.rewind.events.EventType;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollback waits for people to approve it.
 *
 * @param approvals one entry per distinct person who must approve; each lists the roles any of which may give that
 *                  approval (production P1: {@code [[oncall, team-lead]]}; P2: {@code [[team-lead], [reviewer]]})
 * @param excluded people who may not approve: the requester, and the author of the deploy judged bad
 * @param deadline when the request escalates if nobody decided
 * @param expiresAt when the undecided request expires and the incident closes as expired
 */
@EventType("dev.rewind.approval.requested.v1")
public record ApprovalRequested(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        Severity severity,
        List<List<String>> approvals,
        List<String> excluded,
        Instant deadline,
        Instant expiresAt,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalRequested {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        required("severity", severity);
        required("approvals", approvals);
        if (approvals.isEmpty() || approvals.stream().anyMatch(roles -> roles == null || roles.isEmpty())) {
            throw new IllegalArgumentException("'approvals' must name at least one approval, each with its roles");
        }
        approvals = approvals.stream().map(List::copyOf).toList();
        excluded = copyOrEmpty(excluded);
        required("deadline", deadline);
        required("expiresAt", expiresAt);
    }
}
