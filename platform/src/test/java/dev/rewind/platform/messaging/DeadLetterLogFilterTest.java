package dev.rewind.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.events.EventParseException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DeadLetterLogFilterTest {

    private final DeadLetterLogFilter filter = new DeadLetterLogFilter();

    @Test
    void smallRyesStackTraceForARecordThatIsNotAValidEventIsDropped() {
        assertThat(filter.isLoggable(record("SRMSG00200: The method X#consume has thrown an exception",
                new CompletionException(new InvalidEventRecord("missing CloudEvents id (header ce_id)", null)))))
                .isFalse();
        assertThat(filter.isLoggable(record("SRMSG18202: A message sent to channel `alerts` has been nacked", null)))
                .isFalse();
    }

    @Test
    void aConsumerFailureOfRewindsOwnKeepsItsStackTraceAndOtherLinesPass() {
        assertThat(filter.isLoggable(record("SRMSG00200: The method X#consume has thrown an exception",
                new NullPointerException("a bug")))).isTrue();
        assertThat(filter.isLoggable(record("SRMSG00200: The method X#consume has thrown an exception",
                new EventParseException("malformed Release JSON in a stored column")))).as("Rewind's own data")
                .isTrue();
        assertThat(filter.isLoggable(record("outbox relay: 1 of 2 records not delivered", null))).isTrue();
        assertThat(filter.isLoggable(record(null, null))).isTrue();
    }

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setThrown(thrown);
        return record;
    }
}
