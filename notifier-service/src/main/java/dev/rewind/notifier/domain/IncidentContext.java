package dev.rewind.notifier.domain;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;

/**
 * What the notifier knows of an incident when it writes a message; any field but the target may still be unknown.
 *
 * @param triggeredBy who set the rollback off: the approver, or the requester when the policy approved it
 */
public record IncidentContext(TargetKey target, Long incidentNumber, Severity severity, String reason,
                              String triggeredBy, String fromVersion, String toVersion) {

    /** {@code Namespace `shop` · Incident ticket: INCIDENT-12}: where a message's context line starts. */
    public String reference() {
        return "Namespace `" + target.namespace() + "`"
                + (incidentNumber == null ? "" : " · Incident ticket: INCIDENT-" + incidentNumber);
    }
}
