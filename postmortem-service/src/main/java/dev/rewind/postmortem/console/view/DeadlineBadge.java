package dev.rewind.postmortem.console.view;

import java.time.Duration;
import java.time.Instant;

/**
 * An incident's runbook deadline at a glance: the time left while it is pending ({@code soon} in its last fifth),
 * how far overdue once passed, or whether it was met.
 *
 * @param text what the badge says, such as {@code 3m 12s left}, {@code overdue 1m 05s} or {@code met}
 * @param tone {@code pending}, {@code soon}, {@code overdue}, {@code met}, {@code missed} or {@code none}: its colour
 * @param dueAt when the deadline falls, in epoch milliseconds for the page's ticking clock; null when none ticks
 */
public record DeadlineBadge(String text, String tone, Long dueAt) {

    /**
     * The badge for deadline state {@code state} (MET, MISSED, PENDING, NOT_APPLICABLE) of an incident detected at
     * {@code detectedAt} and due at {@code dueAt}, as of {@code now}; {@code open} when the incident is not closed,
     * so that a missed deadline still counts how far overdue it is.
     */
    public static DeadlineBadge of(String state, Instant detectedAt, Instant dueAt, Instant now, boolean open) {
        if ("MET".equals(state)) {
            return new DeadlineBadge("met", "met", null);
        }
        if ("MISSED".equals(state) && !(open && dueAt != null)) {
            return new DeadlineBadge("missed", "missed", null);
        }
        if (!("PENDING".equals(state) || "MISSED".equals(state)) || dueAt == null) {
            return new DeadlineBadge("—", "none", null);
        }
        Duration left = Duration.between(now, dueAt);
        if (left.isNegative() || left.isZero()) {
            return new DeadlineBadge("overdue " + Spans.of(left), "overdue", dueAt.toEpochMilli());
        }
        boolean soon = detectedAt != null && left.multipliedBy(5).compareTo(Duration.between(detectedAt, dueAt)) <= 0;
        return new DeadlineBadge(Spans.of(left) + " left", soon ? "soon" : "pending", dueAt.toEpochMilli());
    }
}
