package dev.rewind.notifier.channel;

import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.notifier.domain.IncidentContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One incident event as the channels see it: what happened ({@link Kind}), the event itself for its details, and
 * what the notifier knows of the incident so far (already updated with this event).
 */
public record Notice(UUID eventId, String eventType, IncidentEvent event, IncidentContext incident) {

    /** What happened, in the words of the notification names. */
    public enum Kind {
        OPENED, DECLINED, APPROVAL_NEEDED, APPROVED, REJECTED, EXPIRED, OVERRIDDEN, ALERTS_RESOLVED_AWAITING_APPROVAL,
        STARTED, STEP, SUCCEEDED, UNVERIFIED, FAILED, VERIFIED, ESCALATED, RECOVERED, CHECKLIST_OVERDUE;

        /** {@code approval-needed}, {@code rollback-started}...: the default notification name. */
        public String slug() {
            return switch (this) {
                case OPENED -> "incident-opened";
                case DECLINED -> "rollback-declined";
                case APPROVAL_NEEDED -> "approval-needed";
                case APPROVED -> "approval-granted";
                case REJECTED -> "approval-rejected";
                case EXPIRED -> "approval-expired";
                case OVERRIDDEN -> "guard-overridden";
                case ALERTS_RESOLVED_AWAITING_APPROVAL -> "alerts-resolved-awaiting-approval";
                case STARTED -> "rollback-started";
                case STEP -> "rollback-step";
                case SUCCEEDED -> "rollback-succeeded";
                case UNVERIFIED -> "rollback-unverified";
                case FAILED -> "rollback-failed";
                case VERIFIED -> "verification-completed";
                case ESCALATED -> "escalated";
                case RECOVERED -> "alerts-resolved";
                case CHECKLIST_OVERDUE -> "checklist-item-overdue";
            };
        }

        /** {@code approval-needed} for {@code APPROVAL_NEEDED}: how routing configuration names a kind. */
        public static Kind ofSlug(String slug) {
            for (Kind kind : values()) {
                if (kind.slug().equals(slug) || kind.name().equalsIgnoreCase(slug.replace('-', '_'))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown notification kind '" + slug + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kind of {@code event}, or empty for events nobody is told about (a single resolved alert, our own). */
    public static Optional<Kind> kindOf(IncidentEvent event) {
        Kind kind = null;
        if (event instanceof IncidentOpened) {
            kind = Kind.OPENED;
        } else if (event instanceof RollbackDeclined) {
            kind = Kind.DECLINED;
        } else if (event instanceof ApprovalRequested) {
            kind = Kind.APPROVAL_NEEDED;
        } else if (event instanceof ApprovalGranted) {
            kind = Kind.APPROVED;
        } else if (event instanceof ApprovalRejected) {
            kind = Kind.REJECTED;
        } else if (event instanceof ApprovalExpired) {
            kind = Kind.EXPIRED;
        } else if (event instanceof GuardOverridden) {
            kind = Kind.OVERRIDDEN;
        } else if (event instanceof ApprovalAlertsResolved) {
            kind = Kind.ALERTS_RESOLVED_AWAITING_APPROVAL;
        } else if (event instanceof RollbackStarted) {
            kind = Kind.STARTED;
        } else if (event instanceof RollbackStepCompleted) {
            kind = Kind.STEP;
        } else if (event instanceof RollbackSucceeded) {
            kind = Kind.SUCCEEDED;
        } else if (event instanceof RollbackUnverified) {
            kind = Kind.UNVERIFIED;
        } else if (event instanceof RollbackFailed) {
            kind = Kind.FAILED;
        } else if (event instanceof VerificationCompleted) {
            kind = Kind.VERIFIED;
        } else if (event instanceof IncidentEscalated) {
            kind = Kind.ESCALATED;
        } else if (event instanceof IncidentAlertsResolved) {
            kind = Kind.RECOVERED;
        } else if (event instanceof ChecklistItemOverdue) {
            kind = Kind.CHECKLIST_OVERDUE;
        } else if (event instanceof AlertResolvedOnIncident || event instanceof NotificationDelivered
                || event instanceof NotificationFailed) {
            kind = null;
        }
        return Optional.ofNullable(kind);
    }

    /** This notice's kind; only notices of a known kind are made. */
    public Kind kind() {
        return kindOf(event).orElseThrow();
    }

    /** The default notification name: the kind's slug, with the level for escalations ({@code escalated-3}). */
    public String notification() {
        return event instanceof IncidentEscalated escalated ? "escalated-" + escalated.level() : kind().slug();
    }
}
