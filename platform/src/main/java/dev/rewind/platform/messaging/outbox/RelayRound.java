package dev.rewind.platform.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of the outbox relay, free of Quarkus: chooses what to send by the {@link PerKeyOrder}, sends it, waits
 * for the outcomes and settles each record. At most {@code batchSize} sends are in flight at any time, counting the
 * ones earlier rounds still wait for.
 */
public final class RelayRound {

    /** Sends one record; the future completes when the broker acknowledged it, or fails with why not. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<Void> send(PendingRecord record);
    }

    private final Sender sender;
    private final InFlightSends inFlight;
    private final Duration ackWait;
    private final int batchSize;

    /**
     * @param ackWait how long to wait for a round's outcomes; at least the longest the producer may take to report
     *                one (see {@link ProducerLimits#ackWait()}), so that a record without one is truly in doubt
     */
    public RelayRound(Sender sender, InFlightSends inFlight, Duration ackWait, int batchSize) {
        this.sender = sender;
        this.inFlight = inFlight;
        this.ackWait = ackWait;
        this.batchSize = batchSize;
    }

    /** Sends what {@code candidates} (pending records in position order) allow; returns a settlement per record sent. */
    public List<Settlement> run(List<PendingRecord> candidates) throws InterruptedException {
        Set<Long> busy = inFlight.positions();
        List<PendingRecord> chosen = PerKeyOrder.toSend(candidates, busy, batchSize - busy.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(chosen.size());
        for (PendingRecord record : chosen) {
            CompletableFuture<Void> ack;
            try {
                ack = sender.send(record);
            } catch (RuntimeException e) { // e.g. the emitter's buffer is full: this record simply was not sent
                ack = CompletableFuture.failedFuture(e);
            }
            inFlight.add(record.position(), ack);
            acks.add(ack);
        }
        awaitAll(acks);
        List<PerKeyOrder.Sent> sent = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            sent.add(new PerKeyOrder.Sent(chosen.get(i), outcome(acks.get(i))));
        }
        return PerKeyOrder.settle(sent);
    }

    private void awaitAll(List<CompletableFuture<Void>> acks) throws InterruptedException {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Each send's own outcome is read below: failed, acknowledged, or none yet.
        }
    }

    private static SendOutcome outcome(CompletableFuture<Void> ack) {
        if (!ack.isDone()) {
            return SendOutcome.NO_OUTCOME;
        }
        if (ack.isCompletedExceptionally()) {
            return SendOutcome.failed(ack.handle((ignored, failure) -> failure).join());
        }
        return SendOutcome.ACKNOWLEDGED;
    }
}
