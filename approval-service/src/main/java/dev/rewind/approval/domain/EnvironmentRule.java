package dev.rewind.approval.domain;

import dev.rewind.events.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's approval rule: the approvals each severity needs, and who is told when none is needed.
 *
 * @param approvals the approvals of each severity
 * @param notifyRoles roles told of rollbacks that need no approval
 */
public record EnvironmentRule(Map<Severity, Approvals> approvals, List<String> notifyRoles) {

    public EnvironmentRule {
        approvals = new EnumMap<>(approvals);
        for (Severity severity : Severity.values()) {
            if (!approvals.containsKey(severity)) {
                throw new IllegalArgumentException("no approval rule for " + severity);
            }
        }
        approvals = Map.copyOf(approvals);
        notifyRoles = List.copyOf(notifyRoles);
    }
}
