package dev.rewind.platform.messaging;

import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every Kafka consumer of Rewind does with a record: read it as an event (a record that is not a valid event
 * throws, and the channel's dead-letter strategy parks it with the reason), then apply its effect once, in one
 * transaction with the inbox claim. A transient failure (the database restarting, a lost connection) is retried
 * with backoff until the effect commits, however long that takes: the offset is not committed meanwhile, so a crash
 * loses nothing either. Any other failure means the event cannot be processed: it is dead-lettered with its reason.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final Guard untilCommitted;

    @Inject
    public IdempotentConsumer(Inbox inbox, ConsumerRetryConfig retry) {
        this.inbox = inbox;
        this.untilCommitted = Guard.create()
                .withDescription("apply a consumed event")
                .withRetry()
                .maxRetries(-1)
                .maxDuration(retry.giveUpAfter().toMillis(), ChronoUnit.MILLIS)
                .delay(retry.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                .jitter(retry.initialBackoff().toMillis() / 2, ChronoUnit.MILLIS)
                .withExponentialBackoff().maxDelay(retry.maxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(TransientFailures::isTransient)
                .beforeRetry(failure -> LOG.warnf("cannot apply a consumed event yet, retrying: %s", failure.toString()))
                .done()
                .build();
    }

    /**
     * Applies {@code record} of {@code topic} with {@code effect}, unless this service already applied its event.
     *
     * @throws dev.rewind.events.EventParseException when the record is not a valid event of the topic
     */
    public <E extends RewindEvent> void apply(Topic<E> topic, ConsumerRecord<String, String> record,
                                              Consumer<Delivery<E>> effect) {
        Delivery<E> delivery = EventReader.read(topic, record);
        untilCommitted.get(() -> {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.claim(delivery.id(), delivery.type())) {
                    effect.accept(delivery);
                }
            });
            return null;
        }, Void.class);
    }
}
