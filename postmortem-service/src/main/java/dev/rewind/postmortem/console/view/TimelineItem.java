package dev.rewind.postmortem.console.view;

import dev.rewind.postmortem.api.IncidentViews;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One moment of an incident's visual timeline, with how long it came after the moment before and after detection.
 *
 * @param gap the time since the previous moment, such as {@code +1m 20s}; empty for the first
 * @param sinceDetection the time since the incident was detected, such as {@code T+4m 29s}
 * @param tone {@code milestone} (detected, approved, rollback started), {@code good} (succeeded, verified, alerts
 *             resolved), {@code bad} (failed, rejected, expired, escalated...) or {@code step}
 */
public record TimelineItem(String clock, String at, String kind, String summary, String gap, String sinceDetection,
                           String tone) {

    private static final Set<String> MILESTONES = Set.of("opened", "approved", "started");
    private static final Set<String> GOOD = Set.of("succeeded", "verified", "alerts-resolved");
    private static final Set<String> BAD = Set.of("failed", "rejected", "approval-expired", "declined", "unverified",
            "not-notified", "checklist-overdue", "escalated");

    /** The timeline of {@code entries} (in the order they happened), counted from {@code detectedAt}. */
    public static List<TimelineItem> of(List<IncidentViews.Entry> entries, Instant detectedAt) {
        List<TimelineItem> items = new ArrayList<>();
        Instant previous = null;
        for (IncidentViews.Entry entry : entries) {
            Instant at = entry.occurredAt();
            String gap = previous == null || at == null ? "" : "+" + Spans.of(Duration.between(previous, at));
            String since = detectedAt == null || at == null ? ""
                    : (at.isBefore(detectedAt) ? "T−" : "T+") + Spans.of(Duration.between(detectedAt, at));
            items.add(new TimelineItem(Spans.clock(at), Spans.at(at), entry.kind(), entry.summary(), gap, since,
                    tone(entry.kind())));
            previous = at == null ? previous : at;
        }
        return items;
    }

    static String tone(String kind) {
        if (kind == null) {
            return "step";
        }
        if (BAD.contains(kind)) {
            return "bad";
        }
        if (GOOD.contains(kind)) {
            return "good";
        }
        return MILESTONES.contains(kind) ? "milestone" : "step";
    }
}
