package dev.rewind.platform.messaging;

/** CDI event fired when a transaction adds to the outbox; observed after commit to start publishing at once. */
public record OutboxAppended(String topic) {
}
