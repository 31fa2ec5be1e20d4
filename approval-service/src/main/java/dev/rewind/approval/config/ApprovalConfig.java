package dev.rewind.approval.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The approval policy's configuration. */
@ConfigMapping(prefix = "rewind.approval")
public interface ApprovalConfig {

    /** Environments whose rollbacks need no approval. */
    Set<String> autoApproveEnvironments();

    /** Roles allowed to approve. */
    List<String> approverRoles();

    Deadline deadline();

    /** How long a request may wait for a decision, per severity. */
    interface Deadline {
        Duration p0();

        Duration p1();

        Duration p2();

        Duration p3();
    }
}
