package dev.rewind.approval.domain;

import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who must approve a rollback, per environment and severity, how long it may wait, and who may override a guard.
 * An environment without a rule of its own gets the fallback rule: a missing rule never means "no approval"; and a
 * rollback the decision matrix marks manual always needs a person, even where the environment's rule needs nobody.
 */
public final class ApprovalPolicy {

    private final Map<String, EnvironmentRule> environments;
    private final EnvironmentRule fallback;
    private final Map<Severity, Duration> deadlines;
    private final Duration expireAfter;
    private final Set<String> overrideRoles;
    private final Approvals manualApprovals;

    public ApprovalPolicy(Map<String, EnvironmentRule> environments, EnvironmentRule fallback,
                          Map<Severity, Duration> deadlines, Duration expireAfter, Set<String> overrideRoles,
                          Approvals manualApprovals) {
        this.environments = Map.copyOf(environments);
        this.fallback = fallback;
        this.deadlines = new EnumMap<>(deadlines);
        for (Severity severity : Severity.values()) {
            Duration deadline = this.deadlines.get(severity);
            if (deadline == null) {
                throw new IllegalArgumentException("no approval deadline configured for " + severity);
            }
            if (expireAfter.compareTo(deadline) <= 0) {
                throw new IllegalArgumentException("the expiry limit (" + expireAfter + ") must be longer than the "
                        + severity + " deadline (" + deadline + "): a request escalates before it expires");
            }
        }
        this.expireAfter = expireAfter;
        this.overrideRoles = Set.copyOf(overrideRoles);
        if (this.overrideRoles.isEmpty()) {
            throw new IllegalArgumentException("name at least one role that may override a guard");
        }
        if (manualApprovals.none()) {
            throw new IllegalArgumentException("a manual rollback always needs a person: name who may approve one");
        }
        this.manualApprovals = manualApprovals;
    }

    /** What a request of {@code severity} in {@code environment}, to be run in {@code mode}, needs. */
    public Requirement requirementFor(String environment, Severity severity, ExecutionMode mode) {
        EnvironmentRule rule = environments.getOrDefault(environment, fallback);
        Approvals approvals = rule.approvals().get(severity);
        if (mode == ExecutionMode.MANUAL && approvals.none()) {
            approvals = manualApprovals;
        }
        return new Requirement(approvals, rule.notifyRoles(), deadlines.get(severity), expireAfter);
    }

    /** Roles that may lift a guard's hold. */
    public Set<String> overrideRoles() {
        return overrideRoles;
    }

    /** Every role the policy names anywhere, to check configuration against the roles people can hold. */
    public Set<String> rolesNamed() {
        Set<String> roles = new LinkedHashSet<>(overrideRoles);
        roles.addAll(manualApprovals.roles());
        for (EnvironmentRule rule : allRules()) {
            rule.approvals().values().forEach(approvals -> roles.addAll(approvals.roles()));
            roles.addAll(rule.notifyRoles());
        }
        return roles;
    }

    private List<EnvironmentRule> allRules() {
        List<EnvironmentRule> rules = new ArrayList<>(environments.values());
        rules.add(fallback);
        return rules;
    }
}
