package dev.rewind.events.incident;

import static dev.rewind.events.Contracts.required;
import static dev.rewind.events.Contracts.requiredText;

import dev.rewind.events.EventType;
import dev.rewind.events.TargetKey;
import java.time.Instant;
import java.util.UUID;

/**
 * An item of the runbook's post-rollback checklist is past its due time and nobody has checked it: announced once
 * per item, by the post-mortem service.
 *
 * @param incidentNumber the incident's number ({@code INCIDENT-123}); null when the service never learnt it
 * @param item the item's key, such as {@code update-status-page}
 * @param title the runbook's words for the item, such as "Update status page"
 * @param phase {@code immediate}, {@code short-term} or {@code follow-up}
 * @param dueAt when it was due: the rollback's completion plus its phase's time
 */
@EventType("dev.rewind.checklist.item-overdue.v1")
public record ChecklistItemOverdue(
        UUID incidentId,
        TargetKey target,
        Long incidentNumber,
        String item,
        String title,
        String phase,
        Instant dueAt,
        Instant occurredAt) implements IncidentEvent {

    public ChecklistItemOverdue {
        IncidentEvent.requireCommon(incidentId, target, occurredAt);
        requiredText("item", item);
        requiredText("title", title);
        requiredText("phase", phase);
        required("dueAt", dueAt);
    }
}
