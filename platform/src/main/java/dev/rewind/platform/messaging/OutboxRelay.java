package dev.rewind.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends outbox records to Kafka in position order and marks them published. A commit that adds to the outbox wakes
 * the relay at once; a timer is only the safety net for wake-ups lost to a crash or a broker outage. Records are
 * published at least once: consumers de-duplicate on the CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final OutboxMessages messages;
    private final RelayLock lock;
    private final MessagingConfig config;
    private final Clock clock;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private ExecutorService worker;

    @Inject
    public OutboxRelay(@Channel(Channels.OUTBOX) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       Emitter<String> emitter,
                       OutboxMessages messages, RelayLock lock, MessagingConfig config, Clock clock) {
        this.emitter = emitter;
        this.messages = messages;
        this.lock = lock;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup, Scheduler scheduler) {
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
        worker.awaitTermination(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    private void drain() {
        wakeUpPending.set(false);
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == config.outbox().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay round failed, retrying on the next wake-up: %s", e.toString());
        }
    }

    /** Publishes one batch in position order inside a transaction holding the relay lock; returns how many. */
    private int publishBatch() {
        if (!lock.tryAcquire()) {
            return 0; // another instance of this service is relaying; its loop will see our records
        }
        List<OutboxRecord> batch = OutboxRecord.pending(config.outbox().batchSize());
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxRecord record : batch) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            emitter.send(messages.toMessage(record, ack));
            acks.add(ack);
        }
        Instant now = Instant.now(clock);
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(config.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warnf("outbox record %d not acknowledged, will retry: %s", batch.get(i).position, e.toString());
                break; // keep order: nothing after an unacknowledged record counts as published
            }
            batch.get(i).publishedAt = now;
            published++;
        }
        return published;
    }
}
