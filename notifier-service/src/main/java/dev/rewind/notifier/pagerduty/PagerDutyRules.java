package dev.rewind.notifier.pagerduty;

import dev.rewind.events.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the planner needs of the configuration, without its secrets: which severities, approval roles, environments
 * and escalation levels page, and how Rewind names itself in PagerDuty.
 *
 * @param environments the environments PagerDuty hears about; empty means every environment
 * @param escalationLevels the escalation levels with a routing key of their own
 */
public record PagerDutyRules(Set<Severity> severities, Set<String> approvalRoles, Set<String> environments,
                             Set<Integer> escalationLevels, String clientName, Optional<String> clientUrl) {

    /** The value of {@code approval-roles} that pages for no approval. */
    static final String NO_ROLE = "none";

    public PagerDutyRules {
        severities = Set.copyOf(severities);
        approvalRoles = approvalRoles.stream().filter(role -> !role.equalsIgnoreCase(NO_ROLE))
                .collect(Collectors.toUnmodifiableSet());
        environments = Set.copyOf(environments);
        escalationLevels = Set.copyOf(escalationLevels);
    }

    /** The rules {@code config} sets. */
    public static PagerDutyRules of(PagerDutyConfig config) {
        Map<Integer, String> keys = new TreeMap<>(config.escalationRoutingKeys());
        keys.values().removeIf(String::isBlank);
        return new PagerDutyRules(config.severities(), config.approvalRoles(), config.environments().orElse(Set.of()),
                keys.keySet(), config.clientName(), config.clientUrl().map(Object::toString));
    }

    boolean hears(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }

    /** True when something about an incident may have paged someone, so that its verified rollback resolves it. */
    boolean mayHavePaged(Severity severity) {
        return (severity != null && severities.contains(severity)) || !approvalRoles.isEmpty()
                || !escalationLevels.isEmpty();
    }
}
