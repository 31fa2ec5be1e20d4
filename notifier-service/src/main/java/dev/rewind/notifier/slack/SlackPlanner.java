package dev.rewind.notifier.slack;

import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalExpired;
import dev.rewind.events.incident.ApprovalRejected;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackStepCompleted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Notice.Kind;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.domain.AlertsResolvedNotice;
import dev.rewind.notifier.domain.ApprovalClosed;
import dev.rewind.notifier.domain.ApprovalRequest;
import dev.rewind.notifier.domain.ChecklistOverdueNotice;
import dev.rewind.notifier.domain.DeclineNotice;
import dev.rewind.notifier.domain.EscalationNotice;
import dev.rewind.notifier.domain.IncidentContext;
import dev.rewind.notifier.domain.MessageSettings;
import dev.rewind.notifier.domain.RollbackAnnouncement;
import dev.rewind.notifier.domain.SlackMessage;
import dev.rewind.notifier.domain.StepNotice;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what Slack is told about a notice, without sending anything: whether its kind is posted, the message, the
 * routed channel, whether a reply is broadcast to the channel, and whether the incident's first message is updated.
 */
final class SlackPlanner {

    /** The kinds Slack has a message for. */
    static final Set<Kind> WRITTEN = EnumSet.of(Kind.APPROVAL_NEEDED, Kind.ALERTS_RESOLVED_AWAITING_APPROVAL,
            Kind.STARTED, Kind.STEP, Kind.SUCCEEDED, Kind.UNVERIFIED, Kind.FAILED, Kind.DECLINED, Kind.REJECTED,
            Kind.EXPIRED, Kind.ESCALATED, Kind.CHECKLIST_OVERDUE);

    /**
     * Replies the channel must see, not only the thread: outcomes, escalations, and an approval request (approvers
     * would miss it inside a thread).
     */
    static final Set<Kind> BROADCAST = EnumSet.of(Kind.APPROVAL_NEEDED, Kind.SUCCEEDED, Kind.FAILED,
            Kind.UNVERIFIED, Kind.DECLINED, Kind.REJECTED, Kind.EXPIRED, Kind.ESCALATED);

    /**
     * Outcomes shown on the incident's first message too. Never an escalation: the first message may be an approval
     * request still waiting for its buttons to be pressed.
     */
    static final Set<Kind> UPDATES_FIRST = EnumSet.of(Kind.SUCCEEDED, Kind.FAILED, Kind.UNVERIFIED, Kind.DECLINED,
            Kind.REJECTED, Kind.EXPIRED);

    private final Set<Kind> posted;
    private final Optional<SlackRoutes> routes;
    private final MessageSettings settings;
    private final boolean updateFirst;

    /**
     * @param routes the Web API's routes; empty in incoming-webhook mode, where the webhook decides the channel and
     *               nothing is threaded or updated
     */
    SlackPlanner(Set<Kind> posted, Optional<SlackRoutes> routes, MessageSettings settings, boolean updateFirst) {
        Set<Kind> unwritten = posted.stream().filter(kind -> !WRITTEN.contains(kind)).collect(Collectors.toSet());
        if (!unwritten.isEmpty()) {
            throw new IllegalArgumentException("rewind.notifier.slack.notifications lists " + unwritten.stream()
                    .map(Kind::slug).sorted().toList() + ", which Slack has no message for; it can post "
                    + WRITTEN.stream().map(Kind::slug).toList());
        }
        this.posted = Set.copyOf(posted);
        this.routes = routes;
        this.settings = settings;
        this.updateFirst = updateFirst;
    }

    /** {@code approval-needed, rollback-started}: the kinds named in configuration. */
    static Set<Kind> kinds(List<String> names) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String name : names) {
            try {
                kinds.add(Kind.ofSlug(name.trim()));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("rewind.notifier.slack.notifications: " + unknown.getMessage()
                        + "; use " + WRITTEN.stream().map(Kind::slug).toList(), unknown);
            }
        }
        return kinds;
    }

    List<Outgoing> plan(Notice notice) {
        Kind kind = notice.kind();
        if (!posted.contains(kind)) {
            return List.of();
        }
        IncidentContext incident = notice.incident();
        String channel = null;
        if (routes.isPresent()) {
            Optional<String> routed = routes.get().channelFor(incident.target().environment(), incident.severity());
            if (routed.isEmpty()) {
                return List.of(); // no route and no default channel: this incident is not for Slack
            }
            channel = routed.get();
        }
        SlackMessage message = render(notice);
        // A step, and an overdue checklist item, is one of several of its kind per incident: each is its own.
        String notification = kind == Kind.STEP ? "rollback-step-" + notice.eventId()
                : notice.event() instanceof ChecklistItemOverdue overdue ? notice.notification() + "-" + overdue.item()
                : notice.notification();
        List<Outgoing> planned = new ArrayList<>();
        planned.add(new Outgoing(notification, summary(notice), SlackPost.of(channel, BROADCAST.contains(kind), null,
                message).write()));
        if (routes.isPresent() && updateFirst && UPDATES_FIRST.contains(kind)) {
            planned.add(new Outgoing("first-message-" + notification, "Slack: the incident's first message shows "
                    + "the outcome (" + kind.slug() + ")", SlackPost.of(channel, false, notification, message)
                    .write()));
        }
        return planned;
    }

    private SlackMessage render(Notice notice) {
        IncidentContext incident = notice.incident();
        Object event = notice.event();
        return switch (notice.kind()) {
            case APPROVAL_NEEDED -> ApprovalRequest.render(incident, (ApprovalRequested) event, settings);
            case ALERTS_RESOLVED_AWAITING_APPROVAL -> AlertsResolvedNotice.render(incident,
                    (ApprovalAlertsResolved) event, settings);
            case STARTED -> RollbackAnnouncement.started(incident, (RollbackStarted) event, settings);
            case STEP -> StepNotice.render(incident, (RollbackStepCompleted) event, settings);
            case SUCCEEDED -> RollbackAnnouncement.succeeded(incident, (RollbackSucceeded) event, settings);
            case UNVERIFIED -> RollbackAnnouncement.unverified(incident, (RollbackUnverified) event, settings);
            case FAILED -> RollbackAnnouncement.failed(incident, (RollbackFailed) event, settings);
            case DECLINED -> DeclineNotice.render(incident, (RollbackDeclined) event, settings);
            case REJECTED -> ApprovalClosed.rejected(incident, (ApprovalRejected) event, settings);
            case EXPIRED -> ApprovalClosed.expired(incident, (ApprovalExpired) event, settings);
            case ESCALATED -> EscalationNotice.render(incident, (IncidentEscalated) event, settings);
            case CHECKLIST_OVERDUE -> ChecklistOverdueNotice.render(incident, (ChecklistItemOverdue) event, settings);
            default -> throw new IllegalStateException("Slack has no message for " + notice.kind().slug());
        };
    }

    /** The post-mortem timeline's words once delivered. */
    static String summary(Notice notice) {
        return switch (notice.kind()) {
            case APPROVAL_NEEDED -> "Slack: approvers asked to approve the rollback";
            case ALERTS_RESOLVED_AWAITING_APPROVAL -> "Slack: approvers told the alerts resolved";
            case STARTED -> "Slack: rollback initiated announced";
            case STEP -> "Slack: rollback step " + ((RollbackStepCompleted) notice.event()).step() + " posted";
            case SUCCEEDED -> "Slack: rollback completed announced";
            case UNVERIFIED -> "Slack: unverified rollback announced";
            case FAILED -> "Slack: rollback failure announced";
            case DECLINED -> "Slack: declined rollback announced";
            case REJECTED -> "Slack: rejected rollback announced";
            case EXPIRED -> "Slack: expired approval announced";
            case ESCALATED -> {
                IncidentEscalated escalated = (IncidentEscalated) notice.event();
                yield "Slack: escalation to level " + escalated.level() + " ("
                        + EscalationNotice.team(escalated.level(), escalated.reason()) + ") announced";
            }
            case CHECKLIST_OVERDUE -> "Slack: overdue checklist item \"" + ((ChecklistItemOverdue) notice.event())
                    .title() + "\" posted";
            default -> "Slack: " + notice.kind().slug() + " posted";
        };
    }
}
