package dev.rewind.platform.messaging;

/** Channel names of the shared plumbing. */
public final class Channels {

    /** The outgoing channel the outbox relay publishes through; each record names its own topic. */
    public static final String OUTBOX = "outbox";

    private Channels() {
    }
}
