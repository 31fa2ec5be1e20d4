package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rewind.events.EventType;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A rollback waits for people to approve it.
 *
 * @param approvals one entry per distinct person who must approve; each lists the roles any of which may give that
 *                  approval (production P1: {@code [[oncall, team-lead]]}; P2: {@code [[team-lead], [reviewer]]})
 * @param excluded people who may not approve: the requester, and the author of the deploy judged bad
 * @param deadline when the request escalates if nobody decided
 * @param expiresAt when the undecided request expires and the incident closes as expired; null (absent) in records
 *                  from versions before 0.2
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
    }

    /**
     * Reads this version's records and those of versions before 0.2, still in flight during an upgrade: those had
     * {@code requiredApprovals} people, each with any of {@code approverRoles}, instead of {@code approvals}, and
     * neither {@code excluded} nor {@code expiresAt}.
     */
    @JsonCreator
    static ApprovalRequested read(@JsonProperty("incidentId") UUID incidentId, @JsonProperty("target") TargetKey target,
                                  @JsonProperty("requestId") UUID requestId,
                                  @JsonProperty("severity") Severity severity,
                                  @JsonProperty("approvals") List<List<String>> approvals,
                                  @JsonProperty("excluded") List<String> excluded,
                                  @JsonProperty("deadline") Instant deadline,
                                  @JsonProperty("expiresAt") Instant expiresAt,
                                  @JsonProperty("occurredAt") Instant occurredAt,
                                  @JsonProperty("requiredApprovals") Integer requiredApprovals,
                                  @JsonProperty("approverRoles") List<String> approverRoles) {
        if (approvals == null && approverRoles != null) {
            approvals = Collections.nCopies(requiredApprovals == null ? 1 : Math.max(requiredApprovals, 0),
                    approverRoles);
        }
        return new ApprovalRequested(incidentId, target, requestId, severity, approvals, excluded, deadline, expiresAt,
                occurredAt);
    }
}
