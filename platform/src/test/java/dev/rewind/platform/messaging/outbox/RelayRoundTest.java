package dev.rewind.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.platform.messaging.outbox.Settlement.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class RelayRoundTest {

    private static final String A = "production/shop/checkout";
    private static final String B = "production/shop/cart";

    /** A producer whose outcomes the test decides; records without one stay in flight. */
    private final Map<Long, CompletableFuture<Void>> outcomes = new HashMap<>();
    private final List<Long> sends = new ArrayList<>();
    private final InFlightSends inFlight = new InFlightSends();

    private RelayRound round(int batchSize) {
        return new RelayRound(record -> {
            synchronized (sends) {
                sends.add(record.position());
                return outcomes.computeIfAbsent(record.position(), p -> new CompletableFuture<>());
            }
        }, inFlight, Duration.ofMillis(50), batchSize);
    }

    @Test
    void oneRecordKafkaRefusesNeitherStopsItsKeyNorOthers() throws InterruptedException {
        outcomes.put(1L, CompletableFuture.failedFuture(new RecordTooLargeException("10485990 bytes")));
        outcomes.put(2L, CompletableFuture.completedFuture(null));
        outcomes.put(3L, CompletableFuture.completedFuture(null));

        List<Settlement> settled = round(10).run(List.of(record(1, A), record(2, A), record(3, B)));

        assertThat(settled).extracting(Settlement::verdict)
                .containsExactly(Verdict.PARKED, Verdict.PUBLISHED, Verdict.PUBLISHED);
    }

    @Test
    void aKeysNextRecordIsSentOnlyOnceThePreviousOneIsAcknowledged() throws InterruptedException {
        CompletableFuture<Void> first = new CompletableFuture<>();
        AtomicBoolean secondSentBeforeFirstAcknowledged = new AtomicBoolean();
        RelayRound round = new RelayRound(record -> {
            synchronized (sends) {
                sends.add(record.position());
            }
            if (record.position() == 2) {
                secondSentBeforeFirstAcknowledged.set(!first.isDone());
            }
            if (record.position() == 3) {
                first.complete(null); // the broker acknowledges record 1 only once key B's record went out
            }
            return record.position() == 1 ? first : CompletableFuture.completedFuture(null);
        }, inFlight, Duration.ofSeconds(30), 10);

        List<Settlement> settled = round.run(List.of(record(1, A), record(2, A), record(3, B)));

        assertThat(settled).extracting(Settlement::verdict)
                .containsExactly(Verdict.PUBLISHED, Verdict.PUBLISHED, Verdict.PUBLISHED);
        assertThat(sends).containsExactly(1L, 3L, 2L);
        assertThat(secondSentBeforeFirstAcknowledged).isFalse();
    }

    @Test
    void aKeysRecordsOnDifferentTopicsAreSentWithoutWaitingForEachOther() throws InterruptedException {
        // Kafka orders a key's records per topic partition only: an incident event and the rollback request the same
        // transaction wrote go out together, the request does not wait for the event's acknowledgement.
        List<Settlement> settled = round(10).run(List.of(new PendingRecord(1, "rewind.incident-events", A, 0),
                new PendingRecord(2, "rewind.rollback-requests", A, 0)));

        assertThat(sends).containsExactly(1L, 2L);
        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.IN_DOUBT, Verdict.IN_DOUBT);
    }

    @Test
    void aKeysNextRecordIsNotSentWhenThePreviousOneWasNotDelivered() throws InterruptedException {
        outcomes.put(1L, CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata")));
        outcomes.put(3L, CompletableFuture.completedFuture(null));

        List<Settlement> settled = round(10).run(List.of(record(1, A), record(2, A), record(3, B)));

        assertThat(settled).extracting(Settlement::verdict)
                .containsExactly(Verdict.RETRY, Verdict.RETRY, Verdict.PUBLISHED);
        assertThat(settled.get(1).detail()).contains("not sent: an earlier record of key " + A);
        assertThat(sends).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void recordIsNeverSentAgainWhileItsPreviousSendHasNoOutcome() throws InterruptedException {
        RelayRound round = round(10);

        List<Settlement> first = round.run(List.of(record(1, A), record(2, B)));
        outcomes.get(2L).complete(null);
        List<Settlement> second = round.run(List.of(failing(1, A), record(3, B)));

        assertThat(first).extracting(Settlement::verdict).containsExactly(Verdict.IN_DOUBT, Verdict.IN_DOUBT);
        assertThat(second).extracting(Settlement::position).containsExactly(3L);
        outcomes.get(1L).completeExceptionally(new TimeoutException("Expiring 1 record(s)"));
        outcomes.remove(1L);
        round.run(List.of(failing(1, A)));
        assertThat(sends).containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void sendsStillInFlightCountAgainstTheBatch() throws InterruptedException {
        RelayRound round = round(2);
        round.run(List.of(record(1, A)));

        List<Settlement> next = round.run(List.of(record(2, B), record(3, B)));

        assertThat(next).extracting(Settlement::position).containsExactly(2L);
    }

    @Test
    void recordTheEmitterCannotTakeIsRetried() throws InterruptedException {
        RelayRound round = new RelayRound(record -> {
            throw new IllegalStateException("SRMSG00034: Insufficient downstream requests to emit item");
        }, inFlight, Duration.ofMillis(50), 10);

        List<Settlement> settled = round.run(List.of(record(1, A)));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.RETRY);
        assertThat(inFlight.positions()).isEmpty();
    }

    private static PendingRecord record(long position, String key) {
        return new PendingRecord(position, key, 0);
    }

    private static PendingRecord failing(long position, String key) {
        return new PendingRecord(position, key, 1);
    }
}
