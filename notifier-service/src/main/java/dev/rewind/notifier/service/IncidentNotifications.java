package dev.rewind.notifier.service;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalAlertsResolved;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.RollbackFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.notifier.domain.AlertsResolvedNotice;
import dev.rewind.notifier.domain.ApprovalRequest;
import dev.rewind.notifier.domain.RollbackAnnouncement;
import dev.rewind.notifier.domain.RollbackAnnouncement.Phase;
import dev.rewind.notifier.domain.SlackMessage;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import dev.rewind.notifier.persistence.NotificationRecord;
import dev.rewind.notifier.slack.SlackNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Follows each incident's events to know what to say, asks for approval on Slack (with Approve and Reject buttons)
 * when a rollback waits for people, warns them when its alerts all resolved meanwhile, and announces rollbacks when
 * they start and end; each resolved alert is timeline evidence, not a message. A message Slack refuses after
 * the retries is recorded as failed; the incident event is not retried for it.
 */
@ApplicationScoped
public class IncidentNotifications {

    private static final Logger LOG = Logger.getLogger(IncidentNotifications.class);

    /** Who is named as having triggered a rollback the policy approved without a person. */
    static final String AUTOMATIC_TRIGGER = "rewind";

    private final SlackNotifier slack;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public IncidentNotifications(SlackNotifier slack, Outbox outbox, Clock clock) {
        this.slack = slack;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(Delivery<IncidentEvent> delivery) {
        IncidentEvent event = delivery.event();
        if (event instanceof NotificationDelivered) {
            return; // our own, and the other notifiers': nothing to announce
        }
        Instant now = Instant.now(clock);
        IncidentContextRecord context = IncidentContextRecord.of(event.incidentId(), event.target(), now);
        learn(context, event);
        context.updatedAt = now;
        if (event instanceof ApprovalRequested asked) {
            announce(delivery, context, "approval request", ApprovalRequest.render(context.toContext(), asked));
        } else if (event instanceof ApprovalAlertsResolved flagged) {
            announce(delivery, context, "alerts resolved", AlertsResolvedNotice.render(context.toContext(), flagged));
        } else if (event instanceof RollbackStarted) {
            announce(delivery, context, Phase.STARTED.name(), rollback(context, Phase.STARTED, null));
        } else if (event instanceof RollbackSucceeded succeeded) {
            announce(delivery, context, Phase.SUCCEEDED.name(),
                    rollback(context, Phase.SUCCEEDED, succeeded.message()));
        } else if (event instanceof RollbackUnverified unverified) {
            announce(delivery, context, Phase.UNVERIFIED.name(),
                    rollback(context, Phase.UNVERIFIED, unverified.reason()));
        } else if (event instanceof RollbackFailed failed) {
            announce(delivery, context, Phase.FAILED.name(), rollback(context, Phase.FAILED, failed.diagnosis()
                    .isEmpty() ? failed.reason() : failed.reason() + "\nDiagnosis:\n• " + String.join("\n• ",
                    failed.diagnosis())));
        }
    }

    private static void learn(IncidentContextRecord context, IncidentEvent event) {
        if (event instanceof IncidentOpened opened) {
            context.incidentNumber = opened.incidentNumber();
            context.severity = opened.severity();
            context.reason = opened.reason();
            if (context.fromVersion == null) {
                context.fromVersion = opened.version();
            }
        } else if (event instanceof ApprovalRequested asked) {
            context.severity = context.severity != null ? context.severity : asked.severity();
        } else if (event instanceof ApprovalGranted granted) {
            context.triggeredBy = granted.automatic() ? AUTOMATIC_TRIGGER : granted.approvedBy();
        } else if (event instanceof RollbackStarted started) {
            context.fromVersion = orElse(started.fromVersion(), context.fromVersion);
            context.toVersion = orElse(started.toVersion(), context.toVersion);
        } else if (event instanceof RollbackSucceeded succeeded) {
            context.fromVersion = orElse(succeeded.fromVersion(), context.fromVersion);
            context.toVersion = orElse(succeeded.toVersion(), context.toVersion);
        } else if (event instanceof RollbackUnverified unverified) {
            context.fromVersion = orElse(unverified.fromVersion(), context.fromVersion);
            context.toVersion = orElse(unverified.toVersion(), context.toVersion);
        }
    }

    private static SlackMessage rollback(IncidentContextRecord context, Phase phase, String detail) {
        return RollbackAnnouncement.render(context.toContext(), phase, detail);
    }

    private void announce(Delivery<IncidentEvent> delivery, IncidentContextRecord context, String what,
                          SlackMessage message) {
        if (!slack.enabled()) {
            return;
        }
        NotificationRecord notification = new NotificationRecord();
        notification.id = UUID.randomUUID();
        notification.incidentId = context.incidentId;
        notification.aboutEventId = delivery.id();
        notification.aboutType = delivery.type();
        notification.channel = SlackNotifier.CHANNEL;
        notification.createdAt = Instant.now(clock);
        try {
            slack.post(message);
            notification.status = NotificationRecord.Status.DELIVERED;
        } catch (RuntimeException e) {
            LOG.warnf("Slack refused the %s message of incident %s: %s", what, context.incidentId, e.toString());
            notification.status = NotificationRecord.Status.FAILED;
            notification.detail = e.getMessage();
        }
        notification.persist();
        if (notification.status == NotificationRecord.Status.DELIVERED) {
            outbox.publish(Topics.INCIDENT_EVENTS, new NotificationDelivered(context.incidentId,
                    delivery.event().target(), SlackNotifier.CHANNEL, delivery.id(), delivery.type(), null, null,
                    notification.createdAt));
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
