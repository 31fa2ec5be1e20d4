package dev.rewind.platform.environment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The environments Rewind may act in, {@code rewind.environments.<name>.*}. None by default: an unconfigured
 * environment is refused, whatever an alert says.
 */
@ConfigMapping(prefix = "rewind.environments")
public interface EnvironmentsConfig {

    @WithParentName
    Map<String, EnvironmentConfig> all();

    /** One environment's settings. */
    interface EnvironmentConfig {

        /** The kubeconfig context of the environment's cluster; unset for in-cluster or the current context. */
        Optional<String> context();

        /** The namespaces the environment owns, comma-separated. */
        Set<String> namespaces();

        /** Labels every Deployment of the environment must carry, e.g. {@code environment=production}. */
        Map<String, String> deploymentLabels();
    }
}
