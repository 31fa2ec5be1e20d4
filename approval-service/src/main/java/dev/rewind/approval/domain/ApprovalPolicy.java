package dev.rewind.approval.domain;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who must approve a rollback in which environment. Environments on the auto-approve list need nobody; every other
 * environment needs one approver from the approver roles before its severity's deadline.
 */
public final class ApprovalPolicy {

    private final Set<String> autoApproveEnvironments;
    private final List<String> approverRoles;
    private final Map<Severity, Duration> deadlines;

    public ApprovalPolicy(Set<String> autoApproveEnvironments, List<String> approverRoles,
                          Map<Severity, Duration> deadlines) {
        this.autoApproveEnvironments = Set.copyOf(autoApproveEnvironments);
        this.approverRoles = List.copyOf(approverRoles);
        this.deadlines = new EnumMap<>(deadlines);
        for (Severity severity : Severity.values()) {
            if (!this.deadlines.containsKey(severity)) {
                throw new IllegalArgumentException("no approval deadline configured for " + severity);
            }
        }
    }

    public Requirement requirementFor(TargetKey target, Severity severity) {
        int approvals = autoApproveEnvironments.contains(target.environment()) ? 0 : 1;
        return new Requirement(approvals, approverRoles, deadlines.get(severity));
    }
}
