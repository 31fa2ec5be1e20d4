package dev.rewind.postmortem.domain;

import dev.rewind.events.IncidentScoped;
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
import dev.rewind.events.request.RollbackRequested;
import java.util.stream.Collectors;

/** The timeline's words for each lifecycle event: a short kind and a sentence for people. */
public final class TimelineText {

    /** A timeline line: {@code kind} for machines and filters, {@code summary} for people. */
    public record Line(String kind, String summary) {
    }

    private TimelineText() {
    }

    /** The line for {@code event}: a lifecycle event or the rollback request. */
    public static Line of(IncidentScoped event) {
        if (event instanceof RollbackRequested e) {
            return requested(e);
        }
        if (event instanceof IncidentOpened e) {
            return new Line("opened", "Incident INCIDENT-" + e.incidentNumber() + " opened (" + e.severity() + "): "
                    + e.reason());
        } else if (event instanceof RollbackDeclined e) {
            return new Line("declined", "Rollback declined (" + e.code() + "): " + e.reason());
        } else if (event instanceof ApprovalRequested e) {
            return new Line("approval-requested", e.approvals().size() + " approval(s) requested ("
                    + e.approvals().stream().map(roles -> String.join(" or ", roles))
                            .collect(Collectors.joining(" + ")) + "), due " + e.deadline());
        } else if (event instanceof ApprovalGranted e) {
            return new Line("approved", (e.automatic() ? "Approved by policy" : "Approved by " + e.approvedBy())
                    + (e.comment() == null ? "" : ": " + e.comment()));
        } else if (event instanceof ApprovalRejected e) {
            return new Line("rejected", "Rejected by " + e.rejectedBy() + ": " + e.reason());
        } else if (event instanceof ApprovalExpired e) {
            return new Line("approval-expired", "Expired: no decision since " + e.requestedAt());
        } else if (event instanceof GuardOverridden e) {
            return new Line("guard-overridden", "Guard " + e.code() + " overridden by " + e.overriddenBy() + ": "
                    + e.reason());
        } else if (event instanceof RollbackStarted e) {
            return new Line("started", "Rollback started (" + e.method() + ")" + versions(e.fromVersion(),
                    e.toVersion()));
        } else if (event instanceof RollbackStepCompleted e) {
            return new Line("step", e.step() + (e.detail() == null ? "" : ": " + e.detail()));
        } else if (event instanceof RollbackSucceeded e) {
            return new Line("succeeded", "Rollback succeeded" + versions(e.fromVersion(), e.toVersion())
                    + (e.message() == null ? "" : ": " + e.message()));
        } else if (event instanceof AlertResolvedOnIncident e) {
            return new Line("alert-resolved", "Alert " + e.fingerprint() + " (" + e.signal() + ") from "
                    + e.source() + " resolved at " + e.resolvedAt()
                    + (e.startsAt() == null ? "" : ", firing since " + e.startsAt()));
        } else if (event instanceof ApprovalAlertsResolved e) {
            return new Line("approval-flagged", "Request " + e.requestId() + " still "
                    + (e.held() ? "held by a guard" : "awaiting approval") + ": " + e.note());
        } else if (event instanceof IncidentAlertsResolved e) {
            return new Line("alerts-resolved", "Every alert resolved (" + e.alerts().size() + ")");
        } else if (event instanceof RollbackUnverified e) {
            return new Line("unverified", "Rolled back" + versions(e.fromVersion(), e.toVersion())
                    + " but not verified: " + e.reason());
        } else if (event instanceof RollbackFailed e) {
            return new Line("failed", "Rollback failed: " + e.reason() + (e.diagnosis().isEmpty() ? ""
                    : ". Diagnosis: " + String.join("; ", e.diagnosis())));
        } else if (event instanceof VerificationCompleted e) {
            return new Line("verified", "Verification " + (e.passed() ? "passed" : "failed") + " ("
                    + e.checks().size() + " checks)");
        } else if (event instanceof IncidentEscalated e) {
            return new Line("escalated", "Escalated to level " + e.level() + ": " + e.reason());
        } else if (event instanceof NotificationDelivered e) {
            return new Line("notified", e.summary() != null ? e.summary()
                    : "Notified on " + e.channel() + " about " + e.aboutType());
        } else if (event instanceof ChecklistItemOverdue e) {
            return new Line("checklist-overdue", "Checklist item \"" + e.title() + "\" (" + e.phase()
                    + ") overdue since " + e.dueAt());
        } else if (event instanceof NotificationFailed e) {
            return new Line("not-notified", "Could not notify on " + e.channel() + " (" + e.notification()
                    + ") after " + e.attempts() + " attempts: " + e.reason());
        }
        throw new IllegalArgumentException("no timeline text for " + event.getClass().getSimpleName());
    }

    private static Line requested(RollbackRequested e) {
        return new Line("requested", "Rollback requested by " + e.requestedBy() + " (" + e.mode() + "): "
                + e.release() + " judged bad" + (e.rollbackTo() == null ? "" : ", back to " + e.rollbackTo()) + "; "
                + e.evidence().size() + " alert(s) as evidence" + (e.hold() == null ? ""
                : "; held by guard " + e.hold().code() + ": " + e.hold().reason()));
    }

    private static String versions(String from, String to) {
        return from == null && to == null ? "" : ": " + (from == null ? "?" : from) + " -> " + (to == null ? "?" : to);
    }
}
