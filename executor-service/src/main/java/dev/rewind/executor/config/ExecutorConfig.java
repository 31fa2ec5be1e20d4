package dev.rewind.executor.config;

import dev.rewind.events.RollbackMethod;
import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The executor's configuration. */
@ConfigMapping(prefix = "rewind.executor")
public interface ExecutorConfig {

    /** The method used when a command names none. */
    RollbackMethod defaultMethod();

    /** How long to wait for the controller to observe the Deployment's latest generation before planning. */
    Duration observeTimeout();

    /** How long to wait for the rollout to finish after the rollback was sent. */
    Duration rolloutTimeout();

    /** How often to look at the Deployment while waiting. */
    Duration pollInterval();

    /** How many rollbacks (of different targets) may run at once. */
    int concurrency();
}
