package dev.rewind.notifier.service;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.ApprovalGranted;
import dev.rewind.events.incident.ApprovalRequested;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.events.incident.RollbackStarted;
import dev.rewind.events.incident.RollbackSucceeded;
import dev.rewind.events.incident.RollbackUnverified;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.Notice;
import dev.rewind.notifier.channel.Outgoing;
import dev.rewind.notifier.dispatch.ChannelRegistry;
import dev.rewind.notifier.dispatch.DeliveriesRecorded;
import dev.rewind.notifier.escalation.Escalations;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.notifier.persistence.IncidentContextRecord;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Follows each incident's events to know what to say, and records, in the transaction of the event, what each
 * configured channel will tell people about it; the dispatcher sends it after commit. Nothing is sent from here, so
 * a failed commit never leaves a message sent, and a slow vendor never holds the partition.
 */
@ApplicationScoped
public class IncidentNotifications {

    private static final Logger LOG = Logger.getLogger(IncidentNotifications.class);

    /** Who is named as having triggered a rollback the policy approved without a person. */
    static final String AUTOMATIC_TRIGGER = "rewind";

    private final ChannelRegistry channels;
    private final Escalations escalations;
    private final Outbox outbox;
    private final Event<DeliveriesRecorded> recorded;
    private final Clock clock;

    @Inject
    public IncidentNotifications(ChannelRegistry channels, Escalations escalations, Outbox outbox,
                                 Event<DeliveriesRecorded> recorded, Clock clock) {
        this.channels = channels;
        this.escalations = escalations;
        this.outbox = outbox;
        this.recorded = recorded;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(Delivery<IncidentEvent> delivery) {
        IncidentEvent event = delivery.event();
        Instant now = Instant.now(clock);
        escalations.follow(delivery, now);
        Optional<Notice.Kind> kind = Notice.kindOf(event);
        if (kind.isEmpty()) {
            return; // a single resolved alert is evidence, and notifications are our own news
        }
        IncidentContextRecord context = IncidentContextRecord.of(event.incidentId(), event.target(), now);
        learn(context, event);
        context.updatedAt = now;
        Notice notice = new Notice(delivery.id(), delivery.type(), event, context.toContext());
        Set<String> recordedOn = new LinkedHashSet<>();
        for (NotificationChannel channel : channels.enabled()) {
            for (Outgoing outgoing : plan(channel, notice, now)) {
                if (DeliveryRecord.record(event.incidentId(), event.target(), channel.name(), outgoing,
                        delivery.id(), delivery.type(), now)) {
                    recordedOn.add(channel.name());
                }
            }
        }
        if (!recordedOn.isEmpty()) {
            recorded.fire(new DeliveriesRecorded(recordedOn));
        }
    }

    /** What {@code channel} says about {@code notice}; a channel that cannot say it never silences the others. */
    private List<Outgoing> plan(NotificationChannel channel, Notice notice, Instant now) {
        try {
            return channel.plan(notice);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s could not write its %s message for incident %s", channel.name(), notice.notification(),
                    notice.event().incidentId());
            outbox.publish(Topics.INCIDENT_EVENTS, new NotificationFailed(notice.event().incidentId(),
                    notice.event().target(), channel.name(), notice.eventId(), notice.eventType(),
                    notice.notification(), 0, "the message could not be written: " + e, now));
            return List.of();
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

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
