package dev.rewind.platform.messaging;

import dev.rewind.platform.metrics.RewindMeters;
import dev.rewind.platform.metrics.RewindMetric;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The failure strategy of every Rewind consumer ({@value #STRATEGY}): a record that cannot be processed goes to its
 * dead-letter topic with the reason (SmallRye's dead-letter-queue strategy), except once the service is stopping.
 * A graceful stop closes the database (Hibernate, the pool) before the Kafka consumers, so records still delivered in
 * between fail for that reason alone; dead-lettering them would lose valid alerts and events. They are left
 * unacknowledged instead: their offsets are never committed, and the partition's next owner reads them again.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    /** The name channels give this strategy in {@code failure-strategy}. */
    public static final String STRATEGY = "rewind-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final RewindMeters meters;
    private final AtomicBoolean stopping = new AtomicBoolean();

    @Inject
    public DeadLetterUnlessStopping(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            RewindMeters meters) {
        this.deadLetterQueue = deadLetterQueue;
        this.meters = meters;
    }

    /** Quarkus fires this before it closes the datasource and Hibernate, and before the Kafka connector. */
    void stopping(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        // Registered at 0 with the channel, so that a dashboard's increase() sees the first dead letter.
        Runnable deadLettered = meters.counter(RewindMetric.DEAD_LETTERED, config.getChannel())::increment;
        String topic = config.getDeadLetterQueueTopic().orElse("the dead-letter topic");
        return new Handler(deadLetterQueue.create(config, vertx, consumer, reportFailure), stopping::get,
                deadLettered, topic);
    }

    /** One channel's handler: the dead-letter queue's until the service stops. */
    static final class Handler implements KafkaFailureHandler {

        private final KafkaFailureHandler deadLetterQueue;
        private final BooleanSupplier stopping;
        private final Runnable deadLettered;
        private final String deadLetterTopic;

        Handler(KafkaFailureHandler deadLetterQueue, BooleanSupplier stopping, Runnable deadLettered,
                String deadLetterTopic) {
            this.deadLetterQueue = deadLetterQueue;
            this.stopping = stopping;
            this.deadLettered = deadLettered;
            this.deadLetterTopic = deadLetterTopic;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (stopping.getAsBoolean()) {
                LOG.infof("record %s-%d@%d not dead-lettered although it failed (%s): the service is stopping, so it"
                                + " stays uncommitted and the partition's next owner processes it",
                        record.getTopic(), record.getPartition(), record.getOffset(), reason);
                return Uni.createFrom().nothing();
            }
            logDeadLettered(record, reason);
            return deadLetterQueue.handle(record, reason, metadata).invoke(deadLettered);
        }

        /**
         * One line per record (SmallRye's own lines about it are filtered out: {@link DeadLetterLogFilter}): a record
         * that is not a valid event is the producer's mistake, and its reason says all; any other failure is
         * Rewind's, and SmallRye's line with its stack trace is kept.
         */
        private <K, V> void logDeadLettered(IncomingKafkaRecord<K, V> record, Throwable reason) {
            String line = String.format("record %s-%d@%d (key %s) dead-lettered to %s: %s", record.getTopic(),
                    record.getPartition(), record.getOffset(), record.getKey(), deadLetterTopic, reasonOf(reason));
            if (DeadLetterLogFilter.isInvalidEvent(reason)) {
                LOG.warn(line);
            } else {
                LOG.error(line); // SmallRye's SRMSG00200 above it carries the stack trace
            }
        }

        private static String reasonOf(Throwable reason) {
            Throwable cause = reason;
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            return cause.getMessage() == null ? cause.toString() : cause.getMessage();
        }

        @Override
        public void terminate() {
            deadLetterQueue.terminate();
        }
    }
}
