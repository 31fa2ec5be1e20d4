package dev.rewind.platform.messaging;

import dev.rewind.platform.messaging.outbox.InFlightSends;
import dev.rewind.platform.messaging.outbox.PendingRecord;
import dev.rewind.platform.messaging.outbox.PerKeyOrder;
import dev.rewind.platform.messaging.outbox.ProducerLimits;
import dev.rewind.platform.messaging.outbox.RelayRound;
import dev.rewind.platform.messaging.outbox.RetryBackoff;
import dev.rewind.platform.messaging.outbox.Settlement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends outbox records to Kafka and marks them published once the broker acknowledged them, keeping order per
 * record key only ({@link PerKeyOrder}): a record that fails holds back the later records of its key, never other
 * keys. A record Kafka refuses for good is parked with its reason; one that fails otherwise is sent again after a
 * backoff, and never while its previous send may still be delivered. A commit that adds to the outbox wakes the
 * relay at once; a timer is the safety net for wake-ups lost to a crash and the clock for backoffs. Records are
 * published at least once: consumers de-duplicate on the CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The emitter's buffer, and so the largest batch: a round never has more sends in flight. */
    public static final int MAX_BATCH_SIZE = 256;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final Emitter<String> emitter;
    private final OutboxMessages messages;
    private final RelayLock lock;
    private final MessagingConfig config;
    private final Clock clock;
    private final KafkaClientService kafka;
    private final long sinkMaxInflight;
    private final InFlightSends inFlight = new InFlightSends();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private RetryBackoff backoff;
    private Duration ackWait;
    private ExecutorService worker;

    @Inject
    public OutboxRelay(@Channel(Channels.OUTBOX) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = MAX_BATCH_SIZE)
                       Emitter<String> emitter,
                       OutboxMessages messages, RelayLock lock, MessagingConfig config, Clock clock,
                       KafkaClientService kafka,
                       @ConfigProperty(name = "mp.messaging.outgoing.outbox.max-inflight-messages", defaultValue = "1024")
                       long sinkMaxInflight) {
        this.emitter = emitter;
        this.messages = messages;
        this.lock = lock;
        this.config = config;
        this.clock = clock;
        this.kafka = kafka;
        this.sinkMaxInflight = sinkMaxInflight;
    }

    void start(@Observes StartupEvent startup, Scheduler scheduler) {
        ProducerLimits limits = producerLimits();
        limits.validate(config.outbox().batchSize(), sinkMaxInflight, MAX_BATCH_SIZE, config.outbox().maxEventBytes());
        ackWait = limits.ackWait();
        backoff = new RetryBackoff(config.outbox().retryBackoff(), config.outbox().maxRetryBackoff());
        LOG.infof("outbox relay: up to %d sends in flight, outcomes awaited up to %ss (2 x delivery.timeout.ms %d"
                        + " + max.block.ms %d + 1 s), failed sends retried after %s doubling up to %s",
                config.outbox().batchSize(), ackWait.toSeconds(), limits.deliveryTimeout().toMillis(),
                limits.maxBlock().toMillis(), backoff.initial(), backoff.max());
        worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "rewind-outbox-relay"));
        // Scheduled here, not with @Scheduled: the timer must not create this bean before its channel is wired.
        scheduler.newJob("rewind-outbox-safety-net")
                .setInterval(config.outbox().pollInterval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> wakeUp())
                .schedule();
        wakeUp();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            // The round's transaction rolls back: its records stay pending and are sent again after the restart.
            worker.shutdownNow();
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wakeUp();
    }

    /** Asks the relay to publish what is pending; calls while a wake-up is queued are merged into it. */
    public void wakeUp() {
        if (worker != null && !worker.isShutdown() && wakeUpPending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private ProducerLimits producerLimits() {
        KafkaProducer<?, ?> producer = kafka.getProducer(Channels.OUTBOX);
        if (producer == null) {
            throw new IllegalStateException("no Kafka producer for channel '" + Channels.OUTBOX
                    + "': check mp.messaging.outgoing.outbox.* in the configuration");
        }
        return ProducerLimits.of(producer.configuration());
    }

    /** Runs rounds as long as they take records out of the outbox (published or parked). */
    private void drain() {
        wakeUpPending.set(false);
        // The transaction spans the wait for acknowledgements, which may last ackWait during a broker outage.
        int timeoutSeconds = (int) ackWait.plusSeconds(30).toSeconds();
        try {
            boolean more;
            do {
                more = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(this::round);
            } while (more);
        } catch (Exception e) {
            LOG.warnf("outbox relay round failed, retrying on the next wake-up (within %s): %s",
                    config.outbox().pollInterval(), e.toString());
        }
    }

    /**
     * One round inside a transaction holding the relay lock; returns whether another round may find records to send
     * at once: this one took a full batch, or settled a record that held back the later ones of its key. Records
     * committed meanwhile need no further round: their commits wake the relay again.
     */
    private boolean round() throws InterruptedException {
        if (!lock.tryAcquire()) {
            return false; // another instance of this service is relaying; its loop will see our records
        }
        Map<Long, OutboxRecord> sendable = OutboxRecord.sendable(Instant.now(clock), config.outbox().batchSize())
                .stream().collect(Collectors.toMap(r -> r.position, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        if (sendable.isEmpty()) {
            return false;
        }
        List<PendingRecord> candidates = sendable.values().stream().map(OutboxRecord::pending).toList();
        boolean anyWasFailing = candidates.stream().anyMatch(PendingRecord::knownFailing);
        RelayRound round = new RelayRound(record -> send(sendable.get(record.position())), inFlight, ackWait,
                config.outbox().batchSize());
        List<Settlement> settlements = round.run(candidates);
        int settledForGood = apply(settlements, sendable, Instant.now(clock));
        return sendable.size() >= config.outbox().batchSize() || (anyWasFailing && settledForGood > 0);
    }

    private CompletableFuture<Void> send(OutboxRecord record) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        emitter.send(messages.toMessage(record, ack));
        return ack;
    }

    private int apply(List<Settlement> settlements, Map<Long, OutboxRecord> records, Instant now) {
        int settledForGood = 0;
        int failed = 0;
        Settlement firstFailure = null;
        List<Long> published = new ArrayList<>();
        for (Settlement settlement : settlements) {
            OutboxRecord record = records.get(settlement.position());
            switch (settlement.verdict()) {
                case PUBLISHED -> {
                    published.add(record.position);
                    settledForGood++;
                }
                case PARKED -> {
                    park(record, settlement.detail(), now);
                    settledForGood++;
                }
                case RETRY, IN_DOUBT -> {
                    record.attempts++;
                    record.lastError = settlement.detail();
                    record.nextAttemptAt = now.plus(backoff.after(record.attempts));
                    failed++;
                    firstFailure = firstFailure == null ? settlement : firstFailure;
                }
                case HELD -> {
                    // delivered, but sent again after the earlier record of its key that failed in this round
                }
            }
        }
        // One statement for the round rather than one update per record.
        OutboxRecord.markPublished(published, now);
        if (firstFailure != null) {
            OutboxRecord first = records.get(firstFailure.position());
            LOG.warnf("outbox relay: %d of %d records not delivered, each sent again after a backoff (from %s up to"
                            + " %s) while other keys go on; first: record %d to %s, key %s: %s",
                    failed, settlements.size(), backoff.initial(), backoff.max(), first.position, first.topic,
                    first.recordKey, firstFailure.detail());
        }
        return settledForGood;
    }

    private static void park(OutboxRecord record, String reason, Instant now) {
        record.attempts++;
        record.parkedAt = now;
        record.parkReason = reason;
        record.lastError = reason;
        LOG.errorf("outbox record %d (topic %s, key %s, type %s, event %s) PARKED: Kafka refused it for good: %s."
                        + " It will not be sent again and no longer holds back key %s. List parked records with"
                        + " GET /api/v1/outbox/parked; once the cause is fixed, replay it with"
                        + " POST /api/v1/outbox/parked/%d/replay",
                record.position, record.topic, record.recordKey, record.eventType, record.eventId, reason,
                record.recordKey, record.position);
    }
}
