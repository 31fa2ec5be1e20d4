package dev.rewind.platform.messaging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Keeps a dead-lettered record to the one line {@link DeadLetterUnlessStopping} writes about it: drops SmallRye's
 * ERROR with a stack trace when a consumer method throws because its record is not a valid event (SRMSG00200), and
 * its INFO that a nacked record goes to the dead-letter topic (SRMSG18202). A hostile producer then costs a line per
 * record, not forty. Failures other than an invalid event keep SmallRye's stack trace.
 */
@LoggingFilter(name = DeadLetterLogFilter.NAME)
public final class DeadLetterLogFilter implements Filter {

    /** The name {@code quarkus.log.console.filter} refers to. */
    public static final String NAME = "rewind-dead-letter-lines";

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message == null) {
            return true;
        }
        if (message.startsWith("SRMSG18202")) {
            return false;
        }
        return !(message.startsWith("SRMSG00200") && isInvalidEvent(record.getThrown()));
    }

    /**
     * Whether {@code failure} says the consumed record is not a valid event ({@link EventReader}), as opposed to a
     * failure of Rewind's own, even one reading its own stored JSON.
     */
    static boolean isInvalidEvent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidEventRecord) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
