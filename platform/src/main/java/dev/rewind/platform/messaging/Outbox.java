package dev.rewind.platform.messaging;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.outbox.EventSizeLimit;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
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
    private final EventSizeLimit sizeLimit;

    @Inject
    public Outbox(Event<OutboxAppended> appended, Clock clock, MessagingConfig config) {
        this.appended = appended;
        this.clock = clock;
        this.sizeLimit = new EventSizeLimit(config.outbox().maxEventBytes());
    }

    /**
     * Adds {@code event} to the outbox within the current transaction; returns its CloudEvents id. Throws
     * {@link OutboxEventTooLarge}, which rolls the transaction back, when Kafka would refuse the event for its size.
     */
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
        sizeLimit.check(record.eventType, record.recordKey, record.subject, record.payload);
        record.persist();
        appended.fire(new OutboxAppended(topic.name()));
        return record.eventId;
    }
}
