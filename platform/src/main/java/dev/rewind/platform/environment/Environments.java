package dev.rewind.platform.environment;

import dev.rewind.events.TargetKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configured environments, and the one rule every service applies to a target before trusting it: its
 * environment is configured and owns its namespace.
 */
public final class Environments {

    private final Map<String, Environment> byName;

    public Environments(Map<String, Environment> byName) {
        this.byName = new TreeMap<>(byName);
    }

    /** The configured environment {@code name}, if any. */
    public Optional<Environment> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Why {@code target} must not be acted on, or empty when its environment is configured and owns its namespace.
     * The reason is written for the person who must fix the alert rule or the configuration.
     */
    public Optional<String> refusal(TargetKey target) {
        Environment environment = byName.get(target.environment());
        if (environment == null) {
            return Optional.of("environment '" + target.environment() + "' is not configured in Rewind (configured: "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
                    + "); add rewind.environments." + target.environment() + ".namespaces or fix the alert's labels");
        }
        if (!environment.namespaces().contains(target.namespace())) {
            return Optional.of("namespace '" + target.namespace() + "' does not belong to environment '"
                    + target.environment() + "' (its namespaces: "
                    + String.join(", ", new TreeSet<>(environment.namespaces())) + "); Rewind does not act on it");
        }
        return Optional.empty();
    }

    /** The environment of {@code target}; throws when {@link #refusal} would refuse it. */
    public Environment of(TargetKey target) {
        refusal(target).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return byName.get(target.environment());
    }
}
