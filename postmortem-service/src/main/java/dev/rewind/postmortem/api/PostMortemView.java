package dev.rewind.postmortem.api;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.IncidentStatus;
import dev.rewind.postmortem.domain.postmortem.ActionItem;
import dev.rewind.postmortem.domain.postmortem.Phrases;
import dev.rewind.postmortem.domain.postmortem.PostMortem;
import dev.rewind.postmortem.domain.postmortem.Section;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A post-mortem as JSON: the Markdown's content as structured data. Times are UTC (ISO-8601 with {@code Z}), the
 * duration ISO-8601 ({@code PT11M}) and as people read it ({@code 11m}); {@code revision} is also the ETag.
 */
public record PostMortemView(UUID incidentId, String incident, String target, IncidentStatus status, String title,
                             LocalDate date, Summary summary, List<PostMortem.Moment> timeline,
                             Section<String> rootCause, Section<List<String>> wentWell,
                             Section<List<String>> couldImprove, Section<List<ActionItem>> actionItems,
                             long revision) {

    /** The incident summary; {@code duration} and {@code impactEnd} are null while the impact lasts. */
    public record Summary(String duration, String durationText, Instant impactStart, Instant impactEnd,
                         Section<String> impact, Severity severity) {
    }

    static PostMortemView of(PostMortem p) {
        PostMortem.Summary s = p.summary();
        return new PostMortemView(p.incidentId(), p.incident(), p.target(), p.status(), p.title(), p.date(),
                new Summary(s.duration() == null ? null : s.duration().toString(),
                        s.duration() == null ? null : Phrases.duration(s.duration()), s.impactStart(), s.impactEnd(),
                        s.impact(), s.severity()),
                p.timeline(), p.rootCause(), p.wentWell(), p.couldImprove(), p.actionItems(), p.revision());
    }
}
