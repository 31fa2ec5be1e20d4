package dev.rewind.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void recordsKafkaRefusesForGoodArePermanentRejections() {
        assertThat(SendFailures.permanentRejection(new RecordTooLargeException("The message is 10485990 bytes")))
                .contains("RecordTooLargeException: The message is 10485990 bytes");
        assertThat(SendFailures.permanentRejection(new RecordBatchTooLargeException("batch"))).isPresent();
        assertThat(SendFailures.permanentRejection(new InvalidTopicException("Invalid topics: [bad topic]")))
                .isPresent();
        assertThat(SendFailures.permanentRejection(new SerializationException("Can't convert value"))).isPresent();
        assertThat(SendFailures.permanentRejection(new InvalidRecordException("null key on a compacted topic")))
                .isPresent();
    }

    @Test
    void rejectionsAreRecognisedInsideTheWrappersKafkaAndFuturesPutAroundThem() {
        RecordTooLargeException cause = new RecordTooLargeException("too large");

        assertThat(SendFailures.permanentRejection(new CompletionException(cause))).contains(
                "RecordTooLargeException: too large");
        assertThat(SendFailures.permanentRejection(new ExecutionException(cause))).isPresent();
        assertThat(SendFailures.permanentRejection(new KafkaException("Failed to send", new CompletionException(cause))))
                .isPresent();
    }

    @Test
    void retriableFailuresAreNotRejections() {
        assertThat(SendFailures.permanentRejection(new TimeoutException("Expiring 1 record(s)"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new NotEnoughReplicasException("isr"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new NetworkException("disconnected"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new UnknownTopicOrPartitionException("no such topic"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new CompletionException(new TimeoutException("t")))).isEmpty();
    }

    @Test
    void failuresAboutTheProducerOrPermissionsRatherThanTheRecordAreRetried() {
        assertThat(SendFailures.permanentRejection(new TopicAuthorizationException("not allowed"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new ProducerFencedException("fenced"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new UnknownProducerIdException("lost"))).isEmpty();
        assertThat(SendFailures.permanentRejection(new InterruptException(new InterruptedException()))).isEmpty();
        assertThat(SendFailures.permanentRejection(new KafkaException("Producer closed forcefully"))).isEmpty();
    }

    @Test
    void failuresThatAreNotKafkasVerdictAreRetried() {
        assertThat(SendFailures.permanentRejection(
                new IllegalStateException("Cannot perform operation after producer has been closed"))).isEmpty();
        assertThat(SendFailures.describe(new CompletionException(new IllegalStateException("buffer full"))))
                .isEqualTo("IllegalStateException: buffer full");
    }
}
