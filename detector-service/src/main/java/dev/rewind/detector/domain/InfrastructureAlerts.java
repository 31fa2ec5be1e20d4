package dev.rewind.detector.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tells alerts about infrastructure from alerts about an application: an alert whose scope label says {@code node}
 * or {@code cluster}, or whose name is one of the configured infrastructure alerts (kube-prometheus's node and
 * control-plane alerts by default). A rollback of the application cannot fix either.
 */
public final class InfrastructureAlerts {

    private static final Set<String> INFRASTRUCTURE_SCOPES = Set.of("node", "cluster");

    private final String scopeLabel;
    private final Set<String> alertNames;

    /**
     * @param scopeLabel the label saying what an alert is about ({@code node}, {@code cluster}, or anything else)
     * @param alertNames names of alerts that are always about infrastructure
     */
    public InfrastructureAlerts(String scopeLabel, Set<String> alertNames) {
        this.scopeLabel = scopeLabel;
        this.alertNames = Set.copyOf(alertNames);
    }

    /** Why the alert with {@code labels} is about infrastructure; empty when it is about the application. */
    public Optional<String> scopeOf(Map<String, String> labels) {
        String scope = labels.get(scopeLabel);
        if (scope != null && INFRASTRUCTURE_SCOPES.contains(scope.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("the alert is " + scope.strip().toLowerCase(Locale.ROOT) + "-level (label "
                    + scopeLabel + "=" + scope.strip() + ")");
        }
        String name = labels.get("alertname");
        if (name != null && alertNames.contains(name)) {
            return Optional.of("alert " + name + " is about infrastructure (rewind.detector.guards.infrastructure"
                    + ".alertnames)");
        }
        return Optional.empty();
    }
}
