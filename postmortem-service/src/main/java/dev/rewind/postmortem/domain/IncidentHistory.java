package dev.rewind.postmortem.domain;

import dev.rewind.events.IncidentScoped;
import dev.rewind.events.Release;
import dev.rewind.events.RollbackMethod;
import dev.rewind.events.Severity;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.events.incident.Approval;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.GuardOverridden;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.events.incident.VerificationCompleted;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.postmortem.domain.Incident.Decision;
import dev.rewind.postmortem.domain.Incident.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Folds an incident's recorded events into the {@link Incident} they tell. Events are taken in the order they
 * happened (then the order they arrived), whatever order they were delivered in, so a late or re-sent event lands in
 * its place; the caller drops duplicates by event id before folding.
 */
public final class IncidentHistory {

    /** One recorded event of an incident: its CloudEvents id and its arrival position (which breaks time ties). */
    public record Recorded(UUID eventId, long position, IncidentScoped event) {
    }

    private static final String OPENED = Topic.typeOf(IncidentOpened.class);
    private static final String REQUESTED = Topic.typeOf(RollbackRequested.class);

    /**
     * The order things happened in: by {@code occurredAt}; at the same instant the opening first and its request
     * second (the detector writes both at once), then by arrival.
     */
    public static final Comparator<Recorded> HAPPENED = Comparator
            .comparing((Recorded r) -> r.event().occurredAt())
            .thenComparingInt(r -> rank(Topic.typeOf(r.event().getClass())))
            .thenComparingLong(Recorded::position);

    /** Where an event of {@code type} goes among events of the same instant: 0 the opening, 1 its request, else 2. */
    public static int rank(String type) {
        return OPENED.equals(type) ? 0 : REQUESTED.equals(type) ? 1 : 2;
    }

    private IncidentHistory() {
    }

    /** The incident {@code events} tell, as it stands at {@code now} (which only decides a pending deadline). */
    public static Incident fold(UUID id, List<Recorded> events, Deadlines deadlines, Instant now) {
        Fold fold = new Fold(id);
        events.stream().sorted(HAPPENED).map(Recorded::event).forEach(fold::apply);
        return fold.incident(deadlines, now);
    }

    /** The fold's running state, one field per thing the incident records. */
    private static final class Fold {
        private final UUID id;
        private Long number;
        private TargetKey target;
        private Severity severity;
        private Signal signal;
        private IncidentStatus status = IncidentStatus.OPEN;
        private String reason;
        private String runningAtOpen;
        private Release judgedBad;
        private Release rollbackTo;
        private String fromVersion;
        private String toVersion;
        private RollbackMethod method;
        private Incident.Request request;
        private List<Evidence> evidence = List.of();
        private Decision decision;
        private final List<Incident.Override> overrides = new ArrayList<>();
        private Incident.ApprovalRequest approvalRequest;
        private final List<Vote> approvals = new ArrayList<>();
        private final List<Incident.Step> steps = new ArrayList<>();
        private Incident.Verification verification;
        private Incident.Failure failure;
        private final List<Incident.Notification> notifications = new ArrayList<>();
        private final List<Incident.Escalation> escalations = new ArrayList<>();
        private Instant firstEventAt;
        private Instant detectedAt;
        private Instant approvedAt;
        private Instant rollbackStartedAt;
        private Instant rollbackCompletedAt;
        private Instant alertsResolvedAt;
        private Instant verifiedAt;
        private Instant closedAt;

        Fold(UUID id) {
            this.id = id;
        }

        void apply(IncidentScoped event) {
            target = event.target();
            firstEventAt = firstEventAt == null ? event.occurredAt() : firstEventAt;
            if (event instanceof RollbackRequested e) {
                requested(e);
            } else if (event instanceof IncidentEvent e) {
                incidentEvent(e);
                IncidentStatus.after(e).ifPresent(next -> {
                    status = next;
                    closedAt = next.isFinal() ? e.occurredAt() : null;
                });
            }
        }

        private void requested(RollbackRequested e) {
            number = number == null ? e.incidentNumber() : number;
            severity = severity == null ? e.severity() : severity;
            signal = signal == null ? e.signal() : signal;
            reason = reason == null ? e.reason() : reason;
            judgedBad = e.release();
            rollbackTo = e.rollbackTo();
            evidence = e.evidence();
            request = new Incident.Request(e.requestId(), e.requestedBy(), e.mode(), e.deployedBy(),
                    e.hold() == null ? null : e.hold().code(), e.hold() == null ? null : e.hold().reason(),
                    e.occurredAt());
            if (decision == null || decision.outcome() != Decision.Outcome.DECLINED) {
                decision = e.hold() == null
                        ? new Decision(Decision.Outcome.ROLL_BACK, null, e.reason(), e.occurredAt())
                        : new Decision(Decision.Outcome.HELD, e.hold().code(), e.hold().reason(), e.occurredAt());
            }
        }

        private void incidentEvent(IncidentEvent event) {
            if (event instanceof IncidentOpened e) {
                number = e.incidentNumber();
                severity = e.severity();
                signal = e.signal();
                reason = e.reason();
                runningAtOpen = e.version();
                detectedAt = e.occurredAt();
            } else if (event instanceof RollbackDeclined e) {
                decision = new Decision(Decision.Outcome.DECLINED, e.code(), e.reason(), e.occurredAt());
            } else if (event instanceof GuardOverridden e) {
                overrides.add(new Incident.Override(e.overriddenBy(), e.code(), e.reason(), e.occurredAt()));
            } else if (event instanceof ApprovalRequested e) {
                severity = severity == null ? e.severity() : severity;
                approvalRequest = new Incident.ApprovalRequest(e.approvals(), e.excluded(), e.deadline(),
                        e.expiresAt(), e.occurredAt());
            } else if (event instanceof ApprovalGranted e) {
                if (e.approvals().isEmpty()) {
                    approvals.add(new Vote(Vote.Verdict.APPROVED, e.approvedBy(), e.automatic(),
                            e.automatic() ? "policy" : null, e.comment(), e.occurredAt()));
                }
                given(e.approvals(), e.comment());
                approvedAt = approvedAt == null ? e.occurredAt() : approvedAt;
            } else if (event instanceof ApprovalRejected e) {
                given(e.approvals(), null);
                approvals.add(new Vote(Vote.Verdict.REJECTED, e.rejectedBy(), false, e.channel(), e.reason(),
                        e.occurredAt()));
            } else if (event instanceof ApprovalExpired e) {
                given(e.approvals(), null);
                approvals.add(new Vote(Vote.Verdict.EXPIRED, null, false, null,
                        "no decision since " + e.requestedAt(), e.occurredAt()));
            } else {
                rollbackEvent(event);
            }
        }

        /** People's approvals, each once (a rejection or an expiry repeats those given before it). */
        private void given(List<Approval> given, String comment) {
            for (Approval approval : given) {
                boolean known = approvals.stream().anyMatch(vote -> vote.verdict() == Vote.Verdict.APPROVED
                        && approval.by().equals(vote.by()) && approval.at().equals(vote.at()));
                if (!known) {
                    approvals.add(new Vote(Vote.Verdict.APPROVED, approval.by(), false, approval.channel(), comment,
                            approval.at()));
                }
            }
        }

        private void rollbackEvent(IncidentEvent event) {
            if (event instanceof RollbackStarted e) {
                rollbackStartedAt = rollbackStartedAt == null ? e.occurredAt() : rollbackStartedAt;
                versions(e.fromVersion(), e.toVersion(), e.method());
            } else if (event instanceof RollbackStepCompleted e) {
                steps.add(new Incident.Step(e.step(), e.detail(), e.occurredAt()));
            } else if (event instanceof RollbackSucceeded e) {
                completed(e.occurredAt(), e.release());
                versions(e.fromVersion(), e.toVersion(), e.method());
                verifiedAt = verifiedAt == null ? e.occurredAt() : verifiedAt;
            } else if (event instanceof RollbackUnverified e) {
                completed(e.occurredAt(), e.release());
                versions(e.fromVersion(), e.toVersion(), e.method());
            } else if (event instanceof RollbackFailed e) {
                failure = new Incident.Failure(e.reason(), e.diagnosis(), e.occurredAt());
                method = e.method() == null ? method : e.method();
            } else if (event instanceof VerificationCompleted e) {
                verification = new Incident.Verification(e.passed(), e.checks().stream()
                        .map(c -> new Incident.Verification.Check(c.name(), c.passed(), c.detail())).toList(),
                        e.occurredAt());
                verifiedAt = e.passed() && verifiedAt == null ? e.occurredAt() : verifiedAt;
            } else {
                otherEvent(event);
            }
        }

        /** Evidence of recovery, escalations and notifications; the rest (resolved alerts) are timeline lines only. */
        private void otherEvent(IncidentEvent event) {
            if (event instanceof IncidentAlertsResolved e) {
                alertsResolvedAt = alertsResolvedAt == null ? e.occurredAt() : alertsResolvedAt;
            } else if (event instanceof IncidentEscalated e) {
                escalations.add(new Incident.Escalation(e.level(), e.reason(), e.occurredAt()));
            } else if (event instanceof NotificationDelivered e) {
                notifications.add(new Incident.Notification(e.channel(),
                        e.notification() == null ? e.aboutType() : e.notification(), true, e.summary(),
                        e.occurredAt()));
            } else if (event instanceof NotificationFailed e) {
                notifications.add(new Incident.Notification(e.channel(), e.notification(), false, e.reason(),
                        e.occurredAt()));
            }
        }

        private void completed(Instant at, Release release) {
            rollbackCompletedAt = rollbackCompletedAt == null ? at : rollbackCompletedAt;
            judgedBad = release == null ? judgedBad : release;
        }

        private void versions(String from, String to, RollbackMethod how) {
            fromVersion = from == null ? fromVersion : from;
            toVersion = to == null ? toVersion : to;
            method = how == null ? method : how;
        }

        Incident incident(Deadlines deadlines, Instant now) {
            Instant detected = detectedAt != null ? detectedAt : firstEventAt;
            Instant firstAlert = evidence.stream().map(Evidence::startsAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            Instant recovered = alertsResolvedAt != null ? alertsResolvedAt : verifiedAt;
            Incident.Times times = new Incident.Times(firstAlert, detected, approvedAt, rollbackStartedAt,
                    rollbackCompletedAt, alertsResolvedAt, recovered, closedAt);
            Instant impactStart = firstAlert != null && firstAlert.isBefore(detected) ? firstAlert : detected;
            Instant impactEnd = recovered != null ? recovered : rollbackCompletedAt != null ? rollbackCompletedAt
                    : closedAt;
            Incident.Durations durations = new Incident.Durations(between(detected, approvedAt),
                    between(detected, rollbackCompletedAt), between(rollbackStartedAt, rollbackCompletedAt),
                    between(detected, recovered), between(impactStart, impactEnd));
            return new Incident(id, number, target, severity, signal, status, reason,
                    new Incident.Versions(runningAtOpen, judgedBad, rollbackTo, fromVersion, toVersion, method),
                    request, evidence, decision, List.copyOf(overrides), approvalRequest, List.copyOf(approvals),
                    List.copyOf(steps), verification, failure, List.copyOf(notifications), List.copyOf(escalations),
                    times, durations, deadline(deadlines, detected, now));
        }

        private Incident.Deadline deadline(Deadlines deadlines, Instant detected, Instant now) {
            if (severity == null || detected == null) {
                return new Incident.Deadline(null, null, Incident.DeadlineState.NOT_APPLICABLE);
            }
            Duration limit = deadlines.of(severity);
            Instant dueAt = detected.plus(limit);
            return new Incident.Deadline(limit, dueAt,
                    Incident.DeadlineState.of(status, dueAt, rollbackCompletedAt, now));
        }

        private static Duration between(Instant from, Instant to) {
            return from == null || to == null ? null : Duration.between(from, to);
        }
    }
}
