package dev.rewind.postmortem.domain.postmortem;

import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a post-mortem says before anyone edits it, written only from what the incident record knows: the impact
 * from the evidence, what went well (fast detection, a deadline met, a passed verification, people told) and what
 * could be improved (a deadline missed, a notification lost, a failed rollback or verification).
 */
public final class GeneratedDefaults {

    private GeneratedDefaults() {
    }

    /** The evidence's values against their thresholds; else the reason the incident opened. */
    public static String impact(Incident incident) {
        if (!incident.evidence().isEmpty()) {
            return incident.evidence().stream().map(Phrases::evidence).collect(Collectors.joining("; "));
        }
        return (incident.reason() == null ? "Not known from the record" : incident.reason())
                + (incident.signal() == null ? "" : " (" + Phrases.signal(incident.signal()) + ")");
    }

    /** A prompt for the people who know, with what Rewind judged. */
    public static String rootCause(Incident incident) {
        Incident.Versions versions = incident.versions();
        String judged = versions.judgedBad() != null
                ? "Rewind judged " + Phrases.release(versions.judgedBad()) + " bad"
                : "The incident opened";
        return "Not written yet. " + judged + (incident.reason() == null ? "." : ": " + incident.reason() + ".");
    }

    /** What the record shows went well. */
    public static List<String> wentWell(Incident incident) {
        List<String> lines = new ArrayList<>();
        Incident.Times times = incident.times();
        if (times.firstAlertAt() != null && !times.firstAlertAt().isAfter(times.detectedAt())) {
            lines.add("Detected by monitoring " + Phrases.duration(Duration.between(times.firstAlertAt(), times.detectedAt()))
                    + " after the first alert");
        }
        Incident.Deadline deadline = incident.deadline();
        if (deadline.state() == Incident.DeadlineState.MET && incident.durations().toRollBack() != null) {
            lines.add("Rolled back in " + Phrases.duration(incident.durations().toRollBack()) + ", within "
                    + incident.severity() + "'s " + Phrases.limit(deadline.limit()) + " deadline");
        }
        if (incident.verification() != null && incident.verification().passed()) {
            lines.add("Verification passed: " + incident.verification().checks().stream()
                    .map(Incident.Verification.Check::name).collect(Collectors.joining(", ")));
        }
        if (!incident.notifications().isEmpty()
                && incident.notifications().stream().allMatch(Incident.Notification::delivered)) {
            lines.add("Every notification was delivered (" + incident.notifications().stream()
                    .map(Incident.Notification::channel).distinct().collect(Collectors.joining(", ")) + ")");
        }
        return List.copyOf(lines);
    }

    /** What the record shows went wrong. */
    public static List<String> couldImprove(Incident incident) {
        List<String> lines = new ArrayList<>();
        Incident.Deadline deadline = incident.deadline();
        if (deadline.state() == Incident.DeadlineState.MISSED) {
            Duration took = incident.durations().toRollBack();
            lines.add(took == null
                    ? "Not rolled back within " + incident.severity() + "'s " + Phrases.limit(deadline.limit())
                            + " deadline"
                    : "Rolled back in " + Phrases.duration(took) + ", past " + incident.severity() + "'s "
                            + Phrases.limit(deadline.limit()) + " deadline");
        }
        if (incident.failure() != null) {
            lines.add("Rollback failed: " + incident.failure().reason());
        }
        Incident.Verification verification = incident.verification();
        if (verification != null && !verification.passed()) {
            lines.add("Verification failed: " + KeyMoments.failedChecks(verification));
        } else if (verification == null && incident.status() == IncidentStatus.ROLLED_BACK_UNVERIFIED) {
            lines.add("Rolled back without a verification that it worked");
        }
        incident.notifications().stream().filter(n -> !n.delivered()).forEach(n -> lines.add(
                "Could not notify on " + n.channel() + " (" + n.notification() + "): " + n.summary()));
        return List.copyOf(lines);
    }
}
