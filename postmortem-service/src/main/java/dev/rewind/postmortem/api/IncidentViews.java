package dev.rewind.postmortem.api;

import dev.rewind.events.request.Evidence;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the incident API answers: a summary per listed incident, and one incident's whole record. */
public final class IncidentViews {

    private IncidentViews() {
    }

    /**
     * One incident in a list.
     *
     * @param deadline whether the severity's deadline was met: MET, MISSED, PENDING or NOT_APPLICABLE, as of now
     * @param timeToRollBack detection to the rollback's completion (ISO-8601); null until it completed
     */
    public record Summary(UUID id, Long number, String target, String environment, String namespace, String service,
                          String severity, String signal, String status, String reason, Instant openedAt,
                          Instant updatedAt, String deadline, Instant deadlineAt, String timeToRollBack) {

        public static Summary of(IncidentRecord incident, Instant now) {
            return new Summary(incident.id, incident.number, incident.target, incident.environment,
                    incident.namespace, incident.service, incident.severity == null ? null : incident.severity.name(),
                    incident.signal == null ? null : incident.signal.name(), incident.status.name(), incident.reason,
                    incident.openedAt, incident.updatedAt, Incident.DeadlineState.of(incident.status, incident.deadlineAt,
                            incident.rollbackCompletedAt, now).name(), incident.deadlineAt,
                    incident.timeToRollbackMs == null ? null : iso(Duration.ofMillis(incident.timeToRollbackMs)));
        }
    }

    /**
     * One incident's whole record with its timeline. Durations are ISO-8601 ({@code PT4M29S}); fields are null (lists
     * empty) until the event that tells them has arrived.
     */
    public record Detail(UUID id, Long number, String target, String environment, String namespace, String service,
                         String severity, String signal, String status, String reason, Instant openedAt,
                         Instant updatedAt, Incident.Versions versions, Incident.Request request,
                         List<Evidence> evidence, Incident.Decision decision, List<Incident.Override> overrides,
                         Incident.ApprovalRequest approvalRequest, List<Incident.Vote> approvals,
                         List<Incident.Step> steps, Incident.Verification verification, Incident.Failure failure,
                         List<Incident.Notification> notifications, List<Incident.Escalation> escalations,
                         Incident.Times times, Durations durations, Deadline deadline, List<Entry> timeline) {

        public static Detail of(IncidentRecord row, Incident incident, List<TimelineEntryRecord> timeline) {
            Incident.Durations d = incident.durations();
            Incident.Deadline deadline = incident.deadline();
            return new Detail(row.id, row.number, row.target, row.environment, row.namespace, row.service,
                    row.severity == null ? null : row.severity.name(), row.signal == null ? null : row.signal.name(),
                    row.status.name(), row.reason, row.openedAt, row.updatedAt, incident.versions(),
                    incident.request(), incident.evidence(), incident.decision(), incident.overrides(),
                    incident.approvalRequest(), incident.approvals(), incident.steps(), incident.verification(),
                    incident.failure(), incident.notifications(), incident.escalations(), incident.times(),
                    new Durations(iso(d.toApprove()), iso(d.toRollBack()), iso(d.rollout()), iso(d.toRecover()),
                            iso(d.impact())),
                    new Deadline(iso(deadline.limit()), deadline.dueAt(), deadline.state().name()),
                    timeline.stream().map(Entry::of).toList());
        }
    }

    /** {@link Incident.Durations} in ISO-8601. */
    public record Durations(String toApprove, String toRollBack, String rollout, String toRecover, String impact) {
    }

    /** {@link Incident.Deadline} with its limit in ISO-8601. */
    public record Deadline(String limit, Instant dueAt, String state) {
    }

    /** One line of a timeline. */
    public record Entry(Instant occurredAt, String kind, String summary, String type, UUID eventId, String source) {

        static Entry of(TimelineEntryRecord entry) {
            return new Entry(entry.occurredAt, entry.kind, entry.summary, entry.eventType, entry.eventId,
                    entry.source);
        }
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
