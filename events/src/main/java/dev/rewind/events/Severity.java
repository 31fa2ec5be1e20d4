package dev.rewind.events;

/** Incident severity from the runbook's quick reference: P0 critical to P3 low. */
public enum Severity {
    P0, P1, P2, P3;

    /** True when this severity is more urgent than {@code other}. */
    public boolean outranks(Severity other) {
        return ordinal() < other.ordinal();
    }
}
