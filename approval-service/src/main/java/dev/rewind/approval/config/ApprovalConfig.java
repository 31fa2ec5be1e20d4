package dev.rewind.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The approval policy's configuration: who approves what, how long requests wait, who may override a guard. */
@ConfigMapping(prefix = "rewind.approval")
public interface ApprovalConfig {

    /** Each environment's rule, by environment name (as in {@code rewind.environments}). */
    Map<String, EnvironmentPolicy> policy();

    /** The rule of a configured environment that has none of its own. */
    EnvironmentPolicy defaultPolicy();

    Deadline deadline();

    /** How long an undecided request waits before it expires and its incident closes (longer than any deadline). */
    @WithDefault("24h")
    Duration expireAfter();

    /**
     * Who approves a rollback the decision matrix marks manual (always a human) where the environment's rule needs
     * nobody: development's developers may, but someone must look.
     */
    @WithDefault("oncall|team-lead|developer")
    String manualApprovals();

    /** Roles that may override a guard's hold, with a reason. */
    @WithDefault("oncall,team-lead")
    Set<String> overrideRoles();

    /** The roles people can hold (a JWT's {@code groups}); the policy may name no other, so typos fail at start. */
    @WithDefault("oncall,team-lead,reviewer,developer")
    Set<String> roles();

    /** Whether the author of the deploy judged bad counts as the requester of a detector-opened request. */
    @WithDefault("true")
    boolean deployAuthorIsRequester();

    /** How often deadlines and expiry limits are checked. */
    @WithDefault("15s")
    Duration timerInterval();

    /**
     * One environment's rule. Approvals are written {@code none}, {@code oncall|team-lead} (one person with either
     * role) or {@code team-lead+reviewer} (two different people).
     */
    interface EnvironmentPolicy {

        /** The approvals of every severity without its own. */
        @WithDefault("oncall|team-lead")
        String approvals();

        Optional<String> p0();

        Optional<String> p1();

        Optional<String> p2();

        Optional<String> p3();

        /** Roles told of a rollback that needs no approval. */
        Optional<List<String>> notifyRoles();
    }

    /** How long a request may wait for a decision before it escalates, per severity. */
    interface Deadline {
        Duration p0();

        Duration p1();

        Duration p2();

        Duration p3();
    }
}
