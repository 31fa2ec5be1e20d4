package dev.rewind.executor.gitops;

import java.util.Locale;

/**
 * How Rewind rolls back a target a GitOps controller applies from Git, from the least to the most it changes: the
 * environment's configuration sets the most it may do, a Deployment may ask for less.
 */
public enum GitOpsPolicy {

    /** Rewind changes neither Git nor the cluster for it (a team's own rollback pipeline may still run). */
    REFUSE,

    /** Roll back in Git (a pull or merge request pinning the last good images) and let the controller sync it. */
    REVERT,

    /**
     * For emergencies: pause the controller's sync, roll back in the cluster at once, change Git to match, and resume
     * the sync once that change is merged.
     */
    PAUSE_AND_UNDO;

    /** The Deployment annotation asking for a policy for itself, e.g. {@code refuse}. */
    public static final String ANNOTATION = "rewind.dev/gitops-strategy";

    /** How configuration and annotations spell it: {@code pause-and-undo}. */
    public String spelled() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads {@code pause-and-undo}, {@code PAUSE_AND_UNDO} or {@code revert}.
     *
     * @throws IllegalArgumentException naming the policies there are
     */
    public static GitOpsPolicy parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (GitOpsPolicy policy : values()) {
            if (policy.name().equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not one of refuse, revert, pause-and-undo");
    }
}
