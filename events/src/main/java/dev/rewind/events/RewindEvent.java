package dev.rewind.events;

import java.time.Instant;

/** Every event Rewind publishes: it names its target (the record key), its subject and when it happened. */
public interface RewindEvent {

    /** The deployment this event is about; the Kafka record key. */
    TargetKey target();

    /** The CloudEvents {@code subject}: the incident id for incident-scoped events. */
    String subject();

    /** When the fact happened, UTC. */
    Instant occurredAt();
}
