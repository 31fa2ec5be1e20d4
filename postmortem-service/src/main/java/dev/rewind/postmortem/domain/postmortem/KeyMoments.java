package dev.rewind.postmortem.domain.postmortem;

import dev.rewind.events.request.Evidence;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The post-mortem's timeline: the moments people ask about (first alert, detection, the release judged bad, who was
 * told, approvals, the rollback, its verification, recovery), from the record, in the order they happened. The
 * executor's steps and each resolved alert stay on the incident's full timeline.
 */
public final class KeyMoments {

    private KeyMoments() {
    }

    /** The moments of {@code incident}, earliest first; moments at the same instant keep the order written here. */
    public static List<PostMortem.Moment> of(Incident incident) {
        List<PostMortem.Moment> moments = new ArrayList<>();
        Incident.Times times = incident.times();
        firstAlert(incident).ifPresent(alert -> add(moments, alert.startsAt(), "First alert: "
                + (alert.summary() == null ? Phrases.signal(alert.signal()) : alert.summary())
                + (alert.source() == null ? "" : " (" + alert.source() + ")")));
        add(moments, times.detectedAt(), "Incident " + name(incident) + " detected"
                + (incident.severity() == null ? "" : " (" + incident.severity() + ")")
                + (incident.reason() == null ? "" : ": " + incident.reason()));
        judgedBad(moments, incident);
        incident.overrides().forEach(o -> add(moments, o.at(), "Guard " + o.code() + " overridden by " + o.by()
                + ": " + o.reason()));
        incident.notifications().forEach(n -> add(moments, n.at(), n.delivered()
                ? (n.summary() != null ? n.summary() : "Notified on " + n.channel() + " (" + n.notification() + ")")
                : "Could not notify on " + n.channel() + " (" + n.notification() + "): " + n.summary()));
        incident.approvals().forEach(vote -> add(moments, vote.at(), vote(vote)));
        incident.escalations().forEach(e -> add(moments, e.at(), "Escalated to level " + e.level() + ": "
                + e.reason()));
        rollback(moments, incident);
        add(moments, times.recoveredAt(), recovered(incident));
        moments.sort(Comparator.comparing(PostMortem.Moment::at)); // stable: ties keep the order above
        return List.copyOf(moments);
    }

    /** The earliest alert behind the request: where the impact started. */
    static Optional<Evidence> firstAlert(Incident incident) {
        return incident.evidence().stream().filter(e -> e.startsAt() != null)
                .min(Comparator.comparing(Evidence::startsAt));
    }

    /** {@code INCIDENT-123}, or the id before the incident-opened event told the number. */
    static String name(Incident incident) {
        return incident.number() == null ? incident.id().toString() : "INCIDENT-" + incident.number();
    }

    private static void judgedBad(List<PostMortem.Moment> moments, Incident incident) {
        Incident.Request request = incident.request();
        if (request == null) {
            return;
        }
        Incident.Versions versions = incident.versions();
        String release = versions.judgedBad() == null ? "The running release" : "Deployment of "
                + Phrases.release(versions.judgedBad());
        add(moments, request.at(), release + " judged bad; rollback"
                + (versions.rollbackTo() == null ? "" : " to " + Phrases.release(versions.rollbackTo()))
                + " requested by " + request.requestedBy()
                + (request.heldBy() == null ? "" : ", held by guard " + request.heldBy() + ": " + request.holdReason()));
        Incident.Decision decision = incident.decision();
        if (decision != null && decision.outcome() == Incident.Decision.Outcome.DECLINED) {
            add(moments, decision.at(), "Rollback declined (" + decision.code() + "): " + decision.reason());
        }
    }

    private static String vote(Incident.Vote vote) {
        return switch (vote.verdict()) {
            case APPROVED -> (vote.automatic() ? "Approved by policy" : "Approved by " + vote.by()
                    + (vote.channel() == null ? "" : " (" + vote.channel() + ")"))
                    + (vote.comment() == null ? "" : ": " + vote.comment());
            case REJECTED -> "Rejected by " + vote.by() + (vote.comment() == null ? "" : ": " + vote.comment());
            case EXPIRED -> "Approval expired: " + vote.comment();
        };
    }

    private static void rollback(List<PostMortem.Moment> moments, Incident incident) {
        Incident.Versions versions = incident.versions();
        add(moments, incident.times().rollbackStartedAt(), "Rollback initiated"
                + (versions.method() == null ? "" : " (" + versions.method() + ")")
                + (versions.fromVersion() == null && versions.toVersion() == null ? ""
                : ": " + Objects.toString(versions.fromVersion(), "?") + " -> "
                + Objects.toString(versions.toVersion(), "?")));
        add(moments, incident.times().rollbackCompletedAt(), incident.status() == IncidentStatus.ROLLED_BACK_UNVERIFIED
                ? "Rollback completed, not verified" : "Rollback completed");
        if (incident.failure() != null) {
            add(moments, incident.failure().at(), "Rollback failed: " + incident.failure().reason());
        }
        Incident.Verification verification = incident.verification();
        if (verification != null) {
            add(moments, verification.at(), verification.passed()
                    ? "Verification passed (" + verification.checks().size() + " checks)"
                    : "Verification failed: " + failedChecks(verification));
        }
    }

    private static String recovered(Incident incident) {
        Incident.Verification verification = incident.verification();
        boolean byVerification = verification != null && verification.passed()
                && verification.at().equals(incident.times().recoveredAt())
                || Objects.equals(incident.times().rollbackCompletedAt(), incident.times().recoveredAt());
        return byVerification ? "Recovered: the rollback's verification passed"
                : "Recovered: every alert resolved, metrics back to baseline";
    }

    /** The checks that failed, with what they saw: {@code health-endpoint (503)}. */
    static String failedChecks(Incident.Verification verification) {
        return verification.checks().stream().filter(check -> !check.passed())
                .map(check -> check.name() + (check.detail() == null ? "" : " (" + check.detail() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static void add(List<PostMortem.Moment> moments, Instant at, String text) {
        if (at != null) {
            moments.add(new PostMortem.Moment(at, text));
        }
    }
}
