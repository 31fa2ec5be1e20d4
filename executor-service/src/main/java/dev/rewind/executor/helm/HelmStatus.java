package dev.rewind.executor.helm;

import java.util.Arrays;

/** A Helm release's status ({@code pkg/release/status.go}), as in {@code info.status} and its Secret's label. */
public enum HelmStatus {
    UNKNOWN("unknown"),
    DEPLOYED("deployed"),
    UNINSTALLED("uninstalled"),
    SUPERSEDED("superseded"),
    FAILED("failed"),
    UNINSTALLING("uninstalling"),
    PENDING_INSTALL("pending-install"),
    PENDING_UPGRADE("pending-upgrade"),
    PENDING_ROLLBACK("pending-rollback");

    private final String wire;

    HelmStatus(String wire) {
        this.wire = wire;
    }

    /** The status as Helm writes it, e.g. {@code pending-rollback}. */
    public String wire() {
        return wire;
    }

    /** The status Helm wrote; a value Rewind does not know reads as {@link #UNKNOWN}. */
    public static HelmStatus of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst().orElse(UNKNOWN);
    }
}
