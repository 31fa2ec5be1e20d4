package dev.rewind.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.platform.messaging.outbox.PerKeyOrder.Sent;
import dev.rewind.platform.messaging.outbox.Settlement.Verdict;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class PerKeyOrderTest {

    private static final String A = "production/shop/checkout";
    private static final String B = "production/shop/cart";

    @Test
    void sendsEveryKeysPendingRecordsInPositionOrder() {
        List<PendingRecord> candidates = List.of(record(1, A), record(2, B), record(3, A), record(4, B));

        assertThat(PerKeyOrder.toSend(candidates, Set.of(), 10)).isEqualTo(candidates);
    }

    @Test
    void recordKnownToFailIsSentAloneAndItsKeysLaterRecordsWait() {
        List<PendingRecord> candidates = List.of(failing(1, A), record(2, B), record(3, A), record(4, B));

        assertThat(PerKeyOrder.toSend(candidates, Set.of(), 10)).extracting(PendingRecord::position)
                .containsExactly(1L, 2L, 4L);
    }

    @Test
    void recordWhoseSendHasNoOutcomeYetIsNotSentAgainNorAnyLaterRecordOfItsKey() {
        List<PendingRecord> candidates = List.of(failing(1, A), record(2, B), record(3, A));

        assertThat(PerKeyOrder.toSend(candidates, Set.of(1L), 10)).extracting(PendingRecord::position)
                .containsExactly(2L);
    }

    @Test
    void sendsNoMoreThanTheCapacity() {
        List<PendingRecord> candidates = List.of(record(1, A), record(2, B), record(3, A));

        assertThat(PerKeyOrder.toSend(candidates, Set.of(), 2)).extracting(PendingRecord::position)
                .containsExactly(1L, 2L);
    }

    @Test
    void failingRecordDoesNotHoldBackOtherKeys() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                sent(1, A, SendOutcome.failed(new TimeoutException("Expiring 1 record(s)"))),
                sent(2, B, SendOutcome.ACKNOWLEDGED)));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.RETRY, Verdict.PUBLISHED);
        assertThat(settled.get(0).detail()).isEqualTo("TimeoutException: Expiring 1 record(s)");
    }

    @Test
    void failingRecordDoesNotHoldBackItsKeyOnAnotherTopic() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                new Sent(new PendingRecord(1, "rewind.incident-events", A, 0),
                        SendOutcome.failed(new TimeoutException("Expiring 1 record(s)"))),
                new Sent(new PendingRecord(2, "rewind.rollback-requests", A, 0), SendOutcome.ACKNOWLEDGED)));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.RETRY, Verdict.PUBLISHED);
    }

    @Test
    void recordKnownToFailHoldsBackItsKeyOnItsOwnTopicOnly() {
        List<PendingRecord> candidates = List.of(new PendingRecord(1, "rewind.incident-events", A, 1),
                new PendingRecord(2, "rewind.incident-events", A, 0),
                new PendingRecord(3, "rewind.rollback-requests", A, 0));

        assertThat(PerKeyOrder.toSend(candidates, Set.of(), 10)).extracting(PendingRecord::position)
                .containsExactly(1L, 3L);
    }

    @Test
    void laterRecordIsNotMarkedPublishedWhileAnEarlierOneOfItsKeyFailed() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                sent(1, A, SendOutcome.failed(new TimeoutException("Expiring 1 record(s)"))),
                sent(2, A, SendOutcome.ACKNOWLEDGED),
                sent(3, A, SendOutcome.failed(new TimeoutException("Expiring 1 record(s)")))));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.RETRY, Verdict.HELD, Verdict.RETRY);
    }

    @Test
    void recordWithoutOutcomeIsInDoubtAndHoldsBackItsKeyOnly() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                sent(1, A, SendOutcome.NO_OUTCOME), sent(2, A, SendOutcome.ACKNOWLEDGED),
                sent(3, B, SendOutcome.ACKNOWLEDGED)));

        assertThat(settled).extracting(Settlement::verdict)
                .containsExactly(Verdict.IN_DOUBT, Verdict.HELD, Verdict.PUBLISHED);
    }

    @Test
    void recordKafkaRefusesIsParkedWithItsReasonAndDoesNotHoldBackItsKey() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                sent(1, A, SendOutcome.failed(new RecordTooLargeException("The message is 10485990 bytes"))),
                sent(2, A, SendOutcome.ACKNOWLEDGED)));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.PARKED, Verdict.PUBLISHED);
        assertThat(settled.get(0).detail()).isEqualTo("RecordTooLargeException: The message is 10485990 bytes");
    }

    @Test
    void refusedRecordIsParkedEvenBehindAFailingOneOfItsKey() {
        List<Settlement> settled = PerKeyOrder.settle(List.of(
                sent(1, A, SendOutcome.failed(new TimeoutException("Expiring 1 record(s)"))),
                sent(2, A, SendOutcome.failed(new RecordTooLargeException("too large")))));

        assertThat(settled).extracting(Settlement::verdict).containsExactly(Verdict.RETRY, Verdict.PARKED);
    }

    private static PendingRecord record(long position, String key) {
        return new PendingRecord(position, key, 0);
    }

    private static PendingRecord failing(long position, String key) {
        return new PendingRecord(position, key, 1);
    }

    private static Sent sent(long position, String key, SendOutcome outcome) {
        return new Sent(record(position, key), outcome);
    }
}
