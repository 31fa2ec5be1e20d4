package dev.rewind.platform.messaging;

import dev.rewind.events.RewindEvent;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topic;
import dev.rewind.platform.tracing.LogContext;
import dev.rewind.platform.tracing.MessageTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What every Kafka consumer of Rewind does with a record: read it as an event (a record that is not a valid event
 * throws, and the channel's dead-letter strategy parks it with the reason), then apply its effect once, in one
 * transaction with the inbox claim. A transient failure (the database restarting, a lost connection) is retried
 * with backoff until the effect commits, however long that takes: the offset is not committed meanwhile, so a crash
 * loses nothing either. Any other failure means the event cannot be processed: it is dead-lettered with its reason.
 * Each record is processed in a span continuing the trace its headers carry ({@link MessageTracing}), and log lines
 * written meanwhile name its target and incident ({@link LogContext}).
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Inbox inbox;
    private final MessageTracing tracing;
    private final Guard untilCommitted;

    @Inject
    public IdempotentConsumer(Inbox inbox, ConsumerRetryConfig retry, MessageTracing tracing) {
        this.inbox = inbox;
        this.tracing = tracing;
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
        Span span = tracing.startProcess(record);
        Throwable failure = null;
        try (Scope scope = span.makeCurrent()) {
            Delivery<E> delivery = EventReader.read(topic, record);
            try (LogContext log = LogContext.of(delivery.event())) {
                applyOne(delivery, effect);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            MessageTracing.end(span, failure);
        }
    }

    /**
     * Applies a batch of records of {@code topic} in one transaction: all inbox claims with one statement, then
     * {@code effect} once with the events this service had not applied yet, in record order (a record redelivered
     * within the batch counts once). When the batch fails for a reason other than a transient one, each event is
     * applied alone, in order, so that only the ones that cannot be processed fail. Returns the records to
     * dead-letter, each with its reason: those that are not valid events and those whose effect failed alone.
     */
    public <E extends RewindEvent> List<Rejected> applyAll(Topic<E> topic, List<ConsumerRecord<String, String>> records,
                                                           Consumer<List<Delivery<E>>> effect) {
        List<Span> spans = records.stream().map(tracing::startProcess).toList();
        List<Rejected> rejected = new ArrayList<>();
        try {
            rejected = applyAll(topic, records, spans, effect);
            return rejected;
        } finally {
            Map<Integer, RuntimeException> failures = new HashMap<>();
            rejected.forEach(reject -> failures.put(reject.index(), reject.reason()));
            for (int i = 0; i < spans.size(); i++) {
                MessageTracing.end(spans.get(i), failures.get(i));
            }
        }
    }

    private <E extends RewindEvent> List<Rejected> applyAll(Topic<E> topic, List<ConsumerRecord<String, String>> records,
                                                            List<Span> spans, Consumer<List<Delivery<E>>> effect) {
        List<Rejected> rejected = new ArrayList<>();
        List<Delivery<E>> deliveries = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        Map<TargetKey, Context> causes = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                Delivery<E> delivery = EventReader.read(topic, records.get(i));
                if (ids.add(delivery.id())) {
                    deliveries.add(delivery);
                    positions.add(i);
                    // The first of a target's records in the batch causes what its effect publishes about it.
                    causes.putIfAbsent(delivery.event().target(), Context.root().with(spans.get(i)));
                }
            } catch (RuntimeException invalid) {
                rejected.add(new Rejected(i, invalid));
            }
        }
        if (deliveries.isEmpty()) {
            return rejected;
        }
        try {
            tracing.inBatch(causes, () -> untilCommitted.get(() -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    Set<UUID> claimed = inbox.claimAll(List.copyOf(deliveries));
                    List<Delivery<E>> fresh = deliveries.stream().filter(d -> claimed.contains(d.id())).toList();
                    if (!fresh.isEmpty()) {
                        effect.accept(fresh);
                    }
                });
                return null;
            }, Void.class));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("a batch of %d events of %s failed as a whole (%s): applying each alone, so that only the ones"
                    + " that cannot be processed are dead-lettered", deliveries.size(), topic.name(),
                    batchFailure.toString());
            for (int k = 0; k < deliveries.size(); k++) {
                try (Scope scope = spans.get(positions.get(k)).makeCurrent();
                     LogContext log = LogContext.of(deliveries.get(k).event())) {
                    applyOne(deliveries.get(k), delivery -> effect.accept(List.of(delivery)));
                } catch (RuntimeException failure) {
                    rejected.add(new Rejected(positions.get(k), failure));
                }
            }
        }
        rejected.sort(Comparator.comparingInt(Rejected::index));
        return rejected;
    }

    private <E extends RewindEvent> void applyOne(Delivery<E> delivery, Consumer<Delivery<E>> effect) {
        untilCommitted.get(() -> {
            QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.claim(delivery.id(), delivery.type())) {
                    effect.accept(delivery);
                }
            });
            return null;
        }, Void.class);
    }

    /**
     * A record of a batch that cannot be processed: dead-letter it with {@code reason}.
     *
     * @param index the record's position in the batch
     */
    public record Rejected(int index, RuntimeException reason) {
    }
}
