package dev.rewind.events.incident;

/** Why Rewind did not roll back: the runbook's "when not to roll back" and its loop guards. */
public enum DeclineReason {
    FIX_FORWARD,
    IRREVERSIBLE_MIGRATION,
    DATA_LOSS_RISK,
    INFRASTRUCTURE_FAULT,
    COOLDOWN,
    /** Rewind already rolled the target back as often as allowed within the loop window. */
    ROLLBACK_LOOP,
    /** The running release was deployed before the recent-deploy window: its deploy is unlikely to be the cause. */
    NOT_RECENTLY_DEPLOYED,
    BLOCKED_VERSION,
    NEEDS_HUMAN,
    /** The alert's environment is not configured, or its namespace does not belong to that environment. */
    TARGET_NOT_CONFIGURED
}
