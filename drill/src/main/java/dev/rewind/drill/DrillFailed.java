package dev.rewind.drill;

/** A drill phase did not complete: the message says what was expected and what was seen instead. */
public class DrillFailed extends RuntimeException {

    public DrillFailed(String message) {
        super(message);
    }
}
