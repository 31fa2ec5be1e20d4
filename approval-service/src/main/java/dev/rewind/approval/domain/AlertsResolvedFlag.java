package dev.rewind.approval.domain;

import java.time.Instant;

/**
 * The flag on a request whose incident's alerts all resolved while people had not decided: the fault may have
 * cleared, so approving may roll back a release that no longer hurts. People decide; nothing is decided for them.
 */
public final class AlertsResolvedFlag {

    private AlertsResolvedFlag() {
    }

    /** True when a request in {@code state} is flagged as its incident's alerts resolve. */
    public static boolean applies(ApprovalState state) {
        return !state.decided();
    }

    /** The flag in words for a request in {@code state}; null when not flagged or already decided. */
    public static String note(ApprovalState state, Instant alertsResolvedAt) {
        if (alertsResolvedAt == null || state.decided()) {
            return null;
        }
        return "every alert of this incident resolved at " + alertsResolvedAt + "; the fault may have cleared: "
                + (state == ApprovalState.HELD ? "consider rejecting rather than overriding the guard"
                : "consider rejecting");
    }
}
