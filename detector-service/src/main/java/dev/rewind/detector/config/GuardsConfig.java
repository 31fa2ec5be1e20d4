package dev.rewind.detector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The guards that turn a "roll back" decision into "declined, needs a human". */
@ConfigMapping(prefix = "rewind.detector.guards")
public interface GuardsConfig {

    /** After an automatic rollback of a target, how long new alerts about it are declined rather than rolled back. */
    @WithDefault("30m")
    Duration cooldown();
}
