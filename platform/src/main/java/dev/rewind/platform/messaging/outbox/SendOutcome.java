package dev.rewind.platform.messaging.outbox;

/** What became of one send by the end of the relay's acknowledgement wait. */
public sealed interface SendOutcome {

    /** The broker acknowledged the record (acks=all). */
    record Acknowledged() implements SendOutcome {
    }

    /** The producer reported that the record was not written. */
    record Failed(Throwable failure) implements SendOutcome {
    }

    /** Neither yet: the producer may still be delivering it. */
    record NoOutcome() implements SendOutcome {
    }

    SendOutcome ACKNOWLEDGED = new Acknowledged();
    SendOutcome NO_OUTCOME = new NoOutcome();

    static SendOutcome failed(Throwable failure) {
        return new Failed(failure);
    }
}
