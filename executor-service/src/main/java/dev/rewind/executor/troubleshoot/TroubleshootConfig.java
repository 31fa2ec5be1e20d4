package dev.rewind.executor.troubleshoot;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a stuck rollout is restarted and diagnosed. */
// Unremovable: Quarkus drops a mapping no bean injects, and its properties under rewind.executor would then fail the
// start as unknown (SRCFG00050) in any application where the troubleshooter is unused.
@Unremovable
@ConfigMapping(prefix = "rewind.executor.troubleshoot")
public interface TroubleshootConfig {

    /** Warning events older than this are left out of a diagnosis: they are history, not the cause. */
    @WithDefault("15m")
    Duration eventWindow();

    /** At most this many findings, the most important ones. */
    @WithDefault("10")
    int maxFindings();

    /** A finding's detail is at most this long: the cluster's words are shortened, the advice kept. */
    @WithDefault("300")
    int maxDetailLength();

    /**
     * Whether to read the nodes hosting the pods (memory, disk and PID pressure, readiness). Nodes are cluster-scoped:
     * a namespaced Role cannot grant it, so this needs the opt-in ClusterRole with nodes get.
     */
    @WithDefault("false")
    boolean readNodes();

    /** How often a restart is tried again when the Deployment changed between reading and patching it (409). */
    @WithDefault("5")
    int conflictAttempts();
}
