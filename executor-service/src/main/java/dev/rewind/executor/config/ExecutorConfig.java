package dev.rewind.executor.config;

import dev.rewind.events.RollbackMethod;
import io.smallrye.config.ConfigMapping;

/** The executor's configuration. */
@ConfigMapping(prefix = "rewind.executor")
public interface ExecutorConfig {

    /** The method used when a command names none. */
    RollbackMethod defaultMethod();
}
