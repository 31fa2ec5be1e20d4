package dev.rewind.postmortem.console.view;

import dev.rewind.postmortem.api.IncidentViews;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One incident in the console's live list: what an on-call engineer scans for, already in words.
 *
 * @param reference the incident's number ({@code 123}), or its id when it has none yet
 * @param statusTone the status's colour: {@code active}, {@code good}, {@code bad} or {@code quiet}
 */
public record IncidentRow(String id, String reference, String severity, String target, String status,
                          String statusTone, String reason, String detected, DeadlineBadge deadline,
                          String timeToRollBack) {

    /** The row of {@code incident} as of {@code now}. */
    public static IncidentRow of(IncidentViews.Summary incident, Instant now) {
        return new IncidentRow(incident.id().toString(),
                incident.number() == null ? incident.id().toString() : String.valueOf(incident.number()),
                incident.severity() == null ? "?" : incident.severity(), incident.target(), words(incident.status()),
                tone(incident.status()), incident.reason() == null ? "" : incident.reason(),
                Spans.at(incident.openedAt()),
                DeadlineBadge.of(incident.deadline(), incident.openedAt(), incident.deadlineAt(), now,
                        !IncidentStatus.valueOf(incident.status()).isFinal()),
                incident.timeToRollBack() == null ? "—" : Spans.of(Duration.parse(incident.timeToRollBack())));
    }

    /** {@code ROLLED_BACK_UNVERIFIED} as {@code rolled back unverified}. */
    public static String words(String status) {
        return status == null ? "" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The colour a status is shown in. */
    public static String tone(String status) {
        if (status == null) {
            return "quiet";
        }
        return switch (status) {
            case "ROLLED_BACK" -> "good";
            case "ROLLBACK_FAILED", "ROLLED_BACK_UNVERIFIED", "EXPIRED" -> "bad";
            case "OPEN", "AWAITING_APPROVAL", "APPROVED", "ROLLING_BACK" -> "active";
            default -> "quiet";
        };
    }
}
