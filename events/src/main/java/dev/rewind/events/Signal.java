package dev.rewind.events;

/** What a monitoring alert says is wrong: the rows of the runbook's decision matrix. */
public enum Signal {
    HEALTH_CHECK_FAILING,
    ERROR_RATE,
    LATENCY,
    RESOURCE_SATURATION,
    SECURITY_VULNERABILITY,
    MIGRATION_FAILED,
    MINOR_BUG,
    NON_CRITICAL_FEATURE,
    UNKNOWN
}
