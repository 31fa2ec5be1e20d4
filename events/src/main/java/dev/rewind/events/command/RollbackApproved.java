package dev.rewind.events.command;

import static dev.rewind.events.Contracts.copyOrEmpty;
import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.incident.DeclineReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rollback request got every approval its policy demands: the executor performs it, exactly once per incident.
 *
 * @param method the method asked for, or null to let the executor choose for the target
 * @param toRevision the revision to return to, or null for the previous one
 * @param release the release judged bad, as the request named it: the executor acts only while the target runs it
 * @param rollbackTo the release the request expected to return to (the detector read it from the cluster's history), or
 *                   null: the images the redeploy method pins when the history is gone
 * @param approvedBy who approved; empty when the policy needs no approval
 * @param overrides the guards a person explicitly overrode for this rollback (audited at the approval service): the
 *                  executor skips its own check of the same guard, and only that one
 */
@EventType("dev.rewind.rollback.approved.v1")
public record RollbackApproved(
        UUID commandId,
        UUID requestId,
        UUID incidentId,
        long incidentNumber,
        TargetKey target,
        Severity severity,
        String reason,
        RollbackMethod method,
        Integer toRevision,
        Release release,
        Release rollbackTo,
        List<String> approvedBy,
        List<DeclineReason> overrides,
        Instant occurredAt) implements RollbackCommand {

    public RollbackApproved {
        required("commandId", commandId);
        required("requestId", requestId);
        required("incidentId", incidentId);
        required("target", target);
        required("severity", severity);
        requiredText("reason", reason);
        if (toRevision != null && toRevision < 0) {
            throw new IllegalArgumentException("'toRevision' must be 0 (previous) or a positive revision");
        }
        required("release", release);
        approvedBy = copyOrEmpty(approvedBy);
        overrides = copyOrEmpty(overrides);
        required("occurredAt", occurredAt);
    }
}
