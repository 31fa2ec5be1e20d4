package dev.rewind.platform.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * One round of the outbox relay, free of Quarkus: chooses what to send by the {@link PerKeyOrder}, sends it, waits
 * for the outcomes and settles each record. Records of different keys, or of one key on different topics, are sent at
 * once; a key's next record on a topic is sent when its previous one there is acknowledged. At most {@code batchSize} sends are in flight at any time, counting the ones
 * earlier rounds still wait for.
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
        Map<String, CompletableFuture<Void>> previousOfKey = new HashMap<>();
        for (PendingRecord record : chosen) {
            CompletableFuture<Void> previous = previousOfKey.get(record.stream());
            CompletableFuture<Void> ack = previous == null ? sendNow(record) : sendAfter(previous, record);
            previousOfKey.put(record.stream(), ack);
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

    private CompletableFuture<Void> sendNow(PendingRecord record) {
        try {
            return sender.send(record);
        } catch (RuntimeException e) { // e.g. the emitter's buffer is full: this record simply was not sent
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends {@code record} once the previous record of its key is acknowledged, or refused for good (parked: out of
     * the stream), so that it can never overtake it, not even when the Kafka sink re-sends a failed record on its
     * own. When the previous one was not delivered, {@code record} is not sent this round.
     */
    private CompletableFuture<Void> sendAfter(CompletableFuture<Void> previous, PendingRecord record) {
        return previous.handle((acknowledged, failure) -> failure).thenComposeAsync(failure ->
                failure == null || SendFailures.permanentRejection(failure).isPresent()
                        ? sendNow(record) : CompletableFuture.failedFuture(new EarlierRecordNotDelivered(record)));
    }

    /** A record held back because an earlier record of its key was not delivered; it is sent after that one. */
    static final class EarlierRecordNotDelivered extends RetriableException {

        EarlierRecordNotDelivered(PendingRecord record) {
            super("not sent: an earlier record of key " + record.key() + " was not delivered in this round; it is"
                    + " sent after that one");
        }
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
