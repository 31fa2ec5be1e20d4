package dev.rewind.platform.environment;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One environment Rewind may act in, as configured: never as an alert claims it.
 *
 * @param context the kubeconfig context of its cluster; empty for the default client (in-cluster, or the current
 *                kubeconfig context)
 * @param namespaces the namespaces it owns: a target in any other namespace is not part of it
 * @param deploymentLabels labels every Deployment of the environment carries (e.g. {@code environment=production});
 *                         empty when the namespaces alone decide
 */
public record Environment(String name, Optional<String> context, Set<String> namespaces,
                          Map<String, String> deploymentLabels) {

    public Environment {
        if (namespaces.isEmpty()) {
            throw new IllegalArgumentException("environment '" + name + "' owns no namespaces: set rewind.environments."
                    + name + ".namespaces");
        }
        namespaces = Set.copyOf(namespaces);
        deploymentLabels = Map.copyOf(deploymentLabels);
    }

    /** True when a Deployment with {@code labels} belongs to this environment by its labels. */
    public boolean carriesLabels(Map<String, String> labels) {
        Map<String, String> actual = labels == null ? Map.of() : labels;
        return deploymentLabels.entrySet().stream().allMatch(e -> e.getValue().equals(actual.get(e.getKey())));
    }

    /**
     * Why Deployment {@code deployment} ({@code namespace/name}) with {@code labels} is not this environment's, or
     * empty when it carries every label the environment requires.
     */
    public Optional<String> labelRefusal(String deployment, Map<String, String> labels) {
        if (carriesLabels(labels)) {
            return Optional.empty();
        }
        return Optional.of("deployment " + deployment + " does not carry the labels of environment '" + name + "' "
                + new TreeMap<>(deploymentLabels) + " (its labels: " + (labels == null ? "{}" : new TreeMap<>(labels))
                + "); Rewind does not act on it: fix the Deployment's labels or rewind.environments." + name
                + ".deployment-labels");
    }
}
