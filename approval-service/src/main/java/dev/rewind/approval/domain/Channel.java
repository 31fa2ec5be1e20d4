package dev.rewind.approval.domain;

/** Where a decision was made, kept with every vote for the audit. */
public enum Channel {
    /** The REST API, with a JWT bearer token. */
    API,
    /** A button in Slack, with a signed interaction. */
    SLACK,
    /** The approval policy itself (no person needed). */
    POLICY
}
