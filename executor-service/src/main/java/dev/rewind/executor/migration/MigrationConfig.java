package dev.rewind.executor.migration;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where the migration-rollback Job templates are, and how long a Job may run. */
@Unremovable
@ConfigMapping(prefix = "rewind.executor.migration")
public interface MigrationConfig {

    /** The file holding the Job template for Deployments without one of their own; none: such releases are refused. */
    Optional<String> jobTemplate();

    /** Per Deployment name, the file holding its Job template. */
    Map<String, String> jobTemplates();

    /** How long the Job may run before the rollback is refused. */
    @WithDefault("15m")
    Duration timeout();

    /** How often the Job is looked at. */
    @WithDefault("2s")
    Duration pollInterval();

    /** The template file for Deployment {@code name}, if any. */
    default Optional<String> templateFor(String name) {
        return Optional.ofNullable(jobTemplates().get(name)).or(this::jobTemplate);
    }
}
