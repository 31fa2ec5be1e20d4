package dev.rewind.platform.messaging;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes events transactionally: the event is written in the caller's database transaction, so it exists if and
 * only if the state change it describes was committed. The {@link OutboxRelay} sends it to Kafka right after commit.
 */
@ApplicationScoped
public class Outbox {

    private final Event<OutboxAppended> appended;
    private final Clock clock;

    @Inject
    public Outbox(Event<OutboxAppended> appended, Clock clock) {
        this.appended = appended;
        this.clock = clock;
    }

    /** Adds {@code event} to the outbox within the current transaction; returns its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends RewindEvent> UUID publish(Topic<E> topic, E event) {
        OutboxRecord record = new OutboxRecord();
        record.eventId = UUID.randomUUID();
        record.topic = topic.name();
        record.recordKey = event.target().toString();
        record.eventType = topic.typeOf(event);
        record.subject = event.subject();
        record.occurredAt = event.occurredAt();
        record.payload = EventJson.write(event);
        record.createdAt = Instant.now(clock);
        record.persist();
        appended.fire(new OutboxAppended(topic.name()));
        return record.eventId;
    }
}
