package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * Every alert of the incident resolved while its rollback request still awaited people's decision: the approval
 * service flagged the request so that people weigh whether the fault cleared. Nothing is decided for them.
 *
 * @param held true when the request waits for a guard's override, false when it waits for approvals
 * @param alertsResolvedAt when the detector saw the incident's last alert resolve
 * @param note the flag in words, as the approval API shows it
 */
@EventType("dev.rewind.approval.alerts-resolved.v1")
public record ApprovalAlertsResolved(
        UUID incidentId,
        TargetKey target,
        UUID requestId,
        boolean held,
        Instant alertsResolvedAt,
        String note,
        Instant occurredAt) implements IncidentEvent {

    public ApprovalAlertsResolved {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        required("requestId", requestId);
        required("alertsResolvedAt", alertsResolvedAt);
        requiredText("note", note);
    }
}
