package dev.rewind.notifier.escalation;

import dev.rewind.events.incident.AlertResolvedOnIncident;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.DeclineReason;
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
import java.util.Optional;
import java.util.Set;

/**
 * What an incident event means for the escalation path: whether it ends it (nobody needs to act any more), and what
 * it leaves open, in the words an escalation's reason uses.
 */
final class IncidentProgress {

    /** Longer texts (a tool's error output) are cut: the reason must stay readable in a page or a Slack mention. */
    static final int MAX_DETAIL = 300;

    /**
     * Declines after which nobody is waited for: a minor fault people fix forward in their next release, and a
     * target Rewind does not manage (its environment is not configured). The other guards hold the rollback for a
     * person's decision, which is exactly what escalation is for.
     */
    private static final Set<DeclineReason> DECLINES_THAT_END = Set.of(DeclineReason.FIX_FORWARD,
            DeclineReason.TARGET_NOT_CONFIGURED);

    private IncidentProgress() {
    }

    /** True for the events that tell something about the path; the others (evidence, our own news) are ignored. */
    static boolean follows(IncidentEvent event) {
        if (event instanceof AlertResolvedOnIncident || event instanceof NotificationDelivered
                || event instanceof NotificationFailed || event instanceof RollbackStepCompleted
                || event instanceof VerificationCompleted || event instanceof ApprovalAlertsResolved
                || event instanceof ChecklistItemOverdue) {
            return false; // evidence on the timeline, or a reminder after the rollback; the outcome is its own event
        }
        if (event instanceof IncidentOpened || event instanceof RollbackDeclined || event instanceof ApprovalRequested
                || event instanceof ApprovalGranted || event instanceof ApprovalRejected
                || event instanceof ApprovalExpired || event instanceof GuardOverridden
                || event instanceof RollbackStarted || event instanceof RollbackSucceeded
                || event instanceof RollbackUnverified || event instanceof RollbackFailed
                || event instanceof IncidentEscalated || event instanceof IncidentAlertsResolved) {
            return true;
        }
        throw new IllegalArgumentException("the escalation path does not know " + event.getClass().getSimpleName()
                + ": decide whether it ends the path or leaves the incident open (IncidentProgress)");
    }

    /** Why the path ends with {@code event}, when it does. */
    static Optional<String> resolution(IncidentEvent event) {
        String why = null;
        if (event instanceof RollbackSucceeded) {
            why = "the rollback succeeded and was verified";
        } else if (event instanceof IncidentAlertsResolved) {
            why = "every alert of the incident resolved: the fault cleared";
        } else if (event instanceof ApprovalRejected rejected) {
            why = rejected.rejectedBy() + " rejected the rollback and took the incident over: "
                    + cut(rejected.reason());
        } else if (event instanceof RollbackDeclined declined && DECLINES_THAT_END.contains(declined.code())) {
            why = "Rewind declined to roll back (" + declined.code() + "): " + cut(declined.reason());
        }
        return Optional.ofNullable(why);
    }

    /**
     * What is still open after {@code event}, when it changes that. A failed or unverified rollback, a guard's hold
     * and an expired request all leave the incident to people: the path goes on.
     */
    static Optional<String> stillOpen(IncidentEvent event) {
        String open = null;
        if (event instanceof IncidentOpened opened) {
            open = "no rollback has started; it opened for: " + cut(opened.reason());
        } else if (event instanceof RollbackDeclined declined) {
            open = "Rewind declined to roll back (" + declined.code() + "): " + cut(declined.reason())
                    + "; a person must decide";
        } else if (event instanceof ApprovalRequested) {
            open = "the rollback waits for approval";
        } else if (event instanceof GuardOverridden overridden) {
            open = overridden.overriddenBy() + " lifted the " + overridden.code()
                    + " guard; the rollback waits for approval";
        } else if (event instanceof ApprovalExpired) {
            open = "nobody decided on the rollback before its request expired; no rollback was made";
        } else if (event instanceof ApprovalGranted granted) {
            open = "the rollback was approved by " + granted.approvedBy() + " and has not completed";
        } else if (event instanceof RollbackStarted started) {
            open = "the rollback" + versions(started.fromVersion(), started.toVersion()) + " is in progress";
        } else if (event instanceof RollbackFailed failed) {
            open = "the rollback failed: " + cut(failed.reason())
                    + (failed.diagnosis().isEmpty() ? "" : " (" + cut(failed.diagnosis().get(0)) + ")");
        } else if (event instanceof RollbackUnverified unverified) {
            open = "the rollback" + versions(unverified.fromVersion(), unverified.toVersion())
                    + " rolled out but its verification did not pass: " + cut(unverified.reason());
        }
        return Optional.ofNullable(open);
    }

    private static String versions(String from, String to) {
        return from != null && to != null ? " from " + from + " to " + to : "";
    }

    static String cut(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }
}
