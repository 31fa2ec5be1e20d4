package dev.rewind.events.request;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The detector (or a person, through the manual request API) decided that a target must be rolled back.
 *
 * @param incidentNumber the human incident number, e.g. 123 for INCIDENT-123
 * @param method the rollback method asked for, or null to let the executor choose for the target
 * @param toRevision the revision to return to, or null for the previous one
 * @param release the release judged bad, read from the cluster when the decision was made: the executor refuses when
 *                the target no longer runs it (already rolled back, or deployed again meanwhile)
 * @param rollbackTo the release the rollback is expected to return to, read with {@code release}; null when it could
 *                   not be told (approvers see it as evidence; the executor plans again when it acts)
 * @param deployedBy who deployed the release judged bad, when the Deployment says so: for a request the detector
 *                   opened, that person counts as the requester and may not approve it
 * @param hold the guard that held this rollback, or null: a held request runs only after a person overrides it
 * @param requestedBy who asked: a person's user name, or {@code rewind-detector} for automatic decisions
 * @param evidence the alerts that led to the decision
 */
@EventType("dev.rewind.rollback.requested.v1")
public record RollbackRequested(
        UUID requestId,
        UUID incidentId,
        long incidentNumber,
        TargetKey target,
        Severity severity,
        Signal signal,
        String reason,
        ExecutionMode mode,
        RollbackMethod method,
        Integer toRevision,
        Release release,
        Release rollbackTo,
        String deployedBy,
        Hold hold,
        String requestedBy,
        List<Evidence> evidence,
        Instant occurredAt) implements RollbackRequestEvent {

    public RollbackRequested {
        required("requestId", requestId);
        required("incidentId", incidentId);
        required("target", target);
        required("severity", severity);
        signal = signal == null ? Signal.UNKNOWN : signal;
        requiredText("reason", reason);
        required("mode", mode);
        if (toRevision != null && toRevision < 0) {
            throw new IllegalArgumentException("'toRevision' must be 0 (previous) or a positive revision");
        }
        required("release", release);
        deployedBy = deployedBy == null || deployedBy.isBlank() ? null : deployedBy;
        requiredText("requestedBy", requestedBy);
        evidence = copyOrEmpty(evidence);
        required("occurredAt", occurredAt);
    }
}
