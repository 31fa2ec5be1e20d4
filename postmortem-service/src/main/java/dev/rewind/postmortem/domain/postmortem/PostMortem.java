package dev.rewind.postmortem.domain.postmortem;

import dev.rewind.events.Severity;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An incident's post-mortem, shaped like the runbook's template: summary, timeline, root cause, what went well, what
 * could be improved and action items. Written afresh from the record and people's edits each time it is read, so it
 * follows the record until people replace a section. Times are UTC.
 *
 * @param incident {@code INCIDENT-123}
 * @param title the template's heading: {@code Post-Mortem: Production Rollback - 2026-11-15}
 * @param date the UTC day the incident was detected
 * @param revision how many times people edited it (0: never)
 */
public record PostMortem(UUID incidentId, String incident, String target, IncidentStatus status, String title,
                         LocalDate date, Summary summary, List<Moment> timeline, Section<String> rootCause,
                         Section<List<String>> wentWell, Section<List<String>> couldImprove,
                         Section<List<ActionItem>> actionItems, long revision) {

    /**
     * The incident summary.
     *
     * @param duration the impact's length: first alert (else detection) to recovery; null while it lasts
     * @param impactStart when the impact started
     * @param impactEnd when it ended; null while it lasts
     */
    public record Summary(Duration duration, Instant impactStart, Instant impactEnd, Section<String> impact,
                          Severity severity) {
    }

    /** One line of the timeline. */
    public record Moment(Instant at, String text) {
    }

    /** The post-mortem of {@code incident} with people's {@code edits}, at edit {@code revision}. */
    public static PostMortem of(Incident incident, PostMortemEdits edits, long revision) {
        Incident.Times times = incident.times();
        Instant impactStart = times.firstAlertAt() != null && times.firstAlertAt().isBefore(times.detectedAt())
                ? times.firstAlertAt() : times.detectedAt();
        Duration impact = incident.durations().impact();
        Summary summary = new Summary(impact, impactStart, impact == null ? null : impactStart.plus(impact),
                Section.of(edits.impact(), GeneratedDefaults.impact(incident)), incident.severity());
        LocalDate date = Phrases.day(times.detectedAt());
        return new PostMortem(incident.id(), KeyMoments.name(incident),
                incident.target() == null ? null : incident.target().toString(), incident.status(),
                title(incident, date), date, summary, KeyMoments.of(incident),
                Section.of(edits.rootCause(), GeneratedDefaults.rootCause(incident)),
                Section.of(edits.wentWell(), GeneratedDefaults.wentWell(incident)),
                Section.of(edits.couldImprove(), GeneratedDefaults.couldImprove(incident)),
                Section.of(edits.actionItems(), List.of()), revision);
    }

    /** "Rollback" once one was asked for, as in the runbook; "Incident" when none was. */
    private static String title(Incident incident, LocalDate date) {
        String environment = incident.target() == null ? "Unknown" : capitalised(incident.target().environment());
        String what = incident.request() != null || incident.times().rollbackStartedAt() != null ? "Rollback"
                : "Incident";
        return "Post-Mortem: " + environment + " " + what + " - " + date;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
