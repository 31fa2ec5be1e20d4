package dev.rewind.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Who may ask for a rollback by hand through {@code POST /api/v1/rollbacks}. */
@ConfigMapping(prefix = "rewind.detector.manual-requests")
public interface ManualRequestsConfig {

    /** The token groups (roles) allowed to request a rollback; the approval policy still decides whether it runs. */
    @WithDefault("oncall,team-lead")
    Set<String> roles();
}
