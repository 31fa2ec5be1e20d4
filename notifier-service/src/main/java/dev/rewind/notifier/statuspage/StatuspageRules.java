package dev.rewind.notifier.statuspage;

import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the planner needs of the configuration, without its secrets: which incidents are public, and where. */
public record StatuspageRules(Set<String> environments, Set<Severity> severities, Map<String, String> components,
                              boolean deliverNotifications) {

    public StatuspageRules {
        environments = Set.copyOf(environments);
        severities = Set.copyOf(severities);
        components = Map.copyOf(components);
    }

    public static StatuspageRules of(StatuspageConfig config) {
        return new StatuspageRules(config.environments(), config.severities(), config.components(),
                config.deliverNotifications());
    }

    /** True when an incident of {@code severity} on {@code target} is shown on the status page. */
    boolean shows(TargetKey target, Severity severity) {
        return severity != null && environments.contains(target.environment()) && severities.contains(severity);
    }

    Optional<String> componentOf(TargetKey target) {
        return Optional.ofNullable(components.get(target.namespace() + "/" + target.service()))
                .filter(id -> !id.isBlank());
    }
}
