package dev.rewind.events;

/** A record that cannot become an event: unknown type, malformed JSON or an invalid field. The message says which. */
public class EventParseException extends RuntimeException {

    public EventParseException(String message) {
        super(message);
    }

    public EventParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
