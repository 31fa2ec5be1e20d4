package dev.rewind.approval.config;

import dev.rewind.approval.domain.ApprovalPolicy;
import dev.rewind.approval.domain.Approvals;
import dev.rewind.approval.domain.EnvironmentRule;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Severity;
import dev.rewind.platform.environment.EnvironmentsConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Builds the approval policy from configuration, refusing at start a policy that names a role nobody can hold, and
 * logging the rule each configured environment gets, with a warning for rules that name no configured environment
 * (a typo there would leave production on the fallback rule).
 */
@ApplicationScoped
public class ApprovalPolicyProducer {

    private static final Logger LOG = Logger.getLogger(ApprovalPolicyProducer.class);

    // Built as the service starts, before its consumers: a policy it would refuse stops the start, not a request.
    @Produces
    @ApplicationScoped
    @Startup(Interceptor.Priority.PLATFORM_BEFORE)
    ApprovalPolicy approvalPolicy(ApprovalConfig config, EnvironmentsConfig environmentsConfig) {
        Map<String, EnvironmentRule> environments = new HashMap<>();
        config.policy().forEach((environment, policy) -> environments.put(environment,
                rule("rewind.approval.policy." + environment, policy)));
        ApprovalConfig.Deadline deadline = config.deadline();
        ApprovalPolicy policy;
        try {
            policy = new ApprovalPolicy(environments,
                    rule("rewind.approval.default-policy", config.defaultPolicy()), Map.of(
                    Severity.P0, deadline.p0(), Severity.P1, deadline.p1(),
                    Severity.P2, deadline.p2(), Severity.P3, deadline.p3()),
                    config.expireAfter(), config.overrideRoles(),
                    parse("rewind.approval.manual-approvals", config.manualApprovals()));
        } catch (IllegalArgumentException e) {
            throw invalid("rewind.approval", e.getMessage());
        }
        Set<String> unknown = new LinkedHashSet<>(policy.rolesNamed());
        unknown.removeAll(config.roles());
        if (!unknown.isEmpty()) {
            throw invalid("rewind.approval.roles", "the approval policy names " + unknown + ", which are not among "
                    + "the roles people can hold " + config.roles() + ": fix the typo, or add them to "
                    + "rewind.approval.roles");
        }
        report(policy, config.policy().keySet(), environmentsConfig.all().keySet());
        return policy;
    }

    private static void report(ApprovalPolicy policy, Set<String> ruled, Set<String> configured) {
        for (String environment : new TreeSet<>(configured)) {
            LOG.infof("approval policy for %s%s: %s", environment, ruled.contains(environment) ? ""
                    : " (no rule of its own: rewind.approval.default-policy)", describe(policy, environment));
        }
        Set<String> stray = new TreeSet<>(ruled);
        stray.removeAll(configured);
        if (!stray.isEmpty()) {
            LOG.warnf("rewind.approval.policy names %s, which rewind.environments does not configure: a typo? "
                    + "Requests there are refused anyway; the configured environments are %s", stray,
                    new TreeSet<>(configured));
        }
    }

    private static String describe(ApprovalPolicy policy, String environment) {
        StringBuilder rule = new StringBuilder();
        for (Severity severity : Severity.values()) {
            rule.append(rule.isEmpty() ? "" : ", ").append(severity).append(' ')
                    .append(policy.requirementFor(environment, severity, ExecutionMode.AUTOMATED).approvals());
        }
        return rule.toString();
    }

    private static EnvironmentRule rule(String prefix, ApprovalConfig.EnvironmentPolicy policy) {
        Map<Severity, Approvals> approvals = new EnumMap<>(Severity.class);
        approvals.put(Severity.P0, parse(prefix + ".p0", policy.p0().orElse(policy.approvals())));
        approvals.put(Severity.P1, parse(prefix + ".p1", policy.p1().orElse(policy.approvals())));
        approvals.put(Severity.P2, parse(prefix + ".p2", policy.p2().orElse(policy.approvals())));
        approvals.put(Severity.P3, parse(prefix + ".p3", policy.p3().orElse(policy.approvals())));
        return new EnvironmentRule(approvals, policy.notifyRoles().orElse(List.of()));
    }

    private static Approvals parse(String property, String text) {
        try {
            return Approvals.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(property, e.getMessage());
        }
    }

    private static ConfigValidationException invalid(String property, String message) {
        return new ConfigValidationException(new ConfigValidationException.Problem[] {
                new ConfigValidationException.Problem(property + ": " + message)});
    }
}
