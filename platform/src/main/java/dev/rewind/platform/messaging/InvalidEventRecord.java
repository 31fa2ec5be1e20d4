package dev.rewind.platform.messaging;

import dev.rewind.events.EventParseException;

/**
 * A consumed record that is not a valid event of its topic: the producer's mistake, dead-lettered with this message
 * as the reason. Told apart from an event Rewind failed to process (a stored column it could not read, a bug), whose
 * stack trace is kept in the log.
 */
public class InvalidEventRecord extends EventParseException {

    public InvalidEventRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
