package dev.rewind.notifier.dispatch;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.NotificationDelivered;
import dev.rewind.events.incident.NotificationFailed;
import dev.rewind.notifier.channel.NotificationChannel;
import dev.rewind.notifier.channel.SendResult;
import dev.rewind.notifier.channel.SentBefore;
import dev.rewind.notifier.persistence.DeliveryRecord;
import dev.rewind.notifier.persistence.DeliveryRecord.Status;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.platform.messaging.outbox.RetryBackoff;
import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dispatcher's database side, each step in its own short transaction so that no transaction spans a vendor's
 * answer: claims due deliveries, settles each send (with its notification-delivered or notification-failed event in
 * the same transaction), and settles sends lost to a crash.
 */
@ApplicationScoped
public class DeliverySettler {

    private static final Logger LOG = Logger.getLogger(DeliverySettler.class);

    private final Outbox outbox;
    private final RewindMeters metrics;
    private final DispatchConfig config;
    private final RetryBackoff backoff;

    @Inject
    public DeliverySettler(Outbox outbox, RewindMeters metrics, DispatchConfig config) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.backoff = new RetryBackoff(config.retryBackoff(), config.maxRetryBackoff());
    }

    /**
     * Settles {@code channel}'s sends lost to a crash, then marks up to the batch size of its due deliveries as
     * being sent and returns them.
     */
    List<Claimed> claim(NotificationChannel channel, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (DeliveryRecord lost : DeliveryRecord.lostSends(channel.name(), now.minus(config.lease()),
                    config.batchSize())) {
                apply(lost, Settlement.inDoubt(channel.idempotent(), lost.claimedAt, now), now);
            }
            List<Claimed> claimed = new ArrayList<>();
            for (DeliveryRecord due : DeliveryRecord.claimDue(channel.name(), now, config.batchSize())) {
                due.status = Status.SENDING;
                due.claimedAt = now;
                due.attempts++;
                claimed.add(new Claimed(due.id, due.outgoing(), new SentBefore(
                        DeliveryRecord.referencesBefore(due.incidentId, due.channel, due.position)), due.attempts,
                        due.createdAt, due.traceParent));
            }
            return claimed;
        });
    }

    /** Records what became of one send; returns the settlement, which may ask to pause the channel. */
    Settlement settle(NotificationChannel channel, Claimed sent, SendResult result, Instant now) {
        Settlement settlement = Settlement.of(result, sent.attempts(), sent.recordedAt(), now, backoff,
                config.giveUpAfter());
        QuarkusTransaction.requiringNew().run(() -> apply(DeliveryRecord.findById(sent.id()), settlement, now));
        return settlement;
    }

    /** Puts a claimed delivery back unsent, due at {@code at}: the channel asked for a pause before its turn. */
    void release(Claimed claimed, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryRecord record = DeliveryRecord.findById(claimed.id());
            record.status = Status.PENDING;
            record.attempts--;
            record.claimedAt = null;
            record.nextAttemptAt = at;
        });
    }

    /** How many deliveries of {@code channel} are not settled yet. */
    long unsettled(String channel) {
        return QuarkusTransaction.requiringNew().call(() -> DeliveryRecord.unsettled(channel));
    }

    private void apply(DeliveryRecord record, Settlement settlement, Instant now) {
        record.claimedAt = null;
        if (settlement instanceof Settlement.Delivered delivered) {
            record.status = Status.DELIVERED;
            record.reference = delivered.reference();
            record.summary = delivered.summary() != null ? delivered.summary() : record.summary;
            record.settledAt = now;
            outbox.publish(Topics.INCIDENT_EVENTS, new NotificationDelivered(record.incidentId, record.targetKey(),
                    record.channel, record.aboutEventId, record.aboutType, record.notification, record.summary, now));
            count(record.channel, "delivered");
        } else if (settlement instanceof Settlement.Skipped skipped) {
            record.status = Status.SKIPPED;
            record.lastError = skipped.reason();
            record.settledAt = now;
            count(record.channel, "skipped");
        } else if (settlement instanceof Settlement.RetryAt retry) {
            record.status = Status.PENDING;
            record.nextAttemptAt = retry.at();
            record.lastError = retry.reason();
            LOG.infof("%s: %s of incident %s not delivered (attempt %d), sending again at %s: %s", record.channel,
                    record.notification, record.incidentId, record.attempts, retry.at(), retry.reason());
            count(record.channel, "retried");
        } else if (settlement instanceof Settlement.Failed failed) {
            record.status = Status.FAILED;
            record.lastError = failed.reason();
            record.settledAt = now;
            outbox.publish(Topics.INCIDENT_EVENTS, new NotificationFailed(record.incidentId, record.targetKey(),
                    record.channel, record.aboutEventId, record.aboutType, record.notification, record.attempts,
                    failed.reason(), now));
            LOG.warnf("%s: %s of incident %s NOT delivered, given up after %d attempt(s): %s", record.channel,
                    record.notification, record.incidentId, record.attempts, failed.reason());
            count(record.channel, "failed");
        }
    }

    private void count(String channel, String outcome) {
        metrics.counter(RewindMetric.NOTIFICATIONS, channel, outcome).increment();
    }
}
