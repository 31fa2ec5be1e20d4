package dev.rewind.platform.messaging;

import dev.rewind.events.EventJson;
import dev.rewind.events.RewindEvent;
import dev.rewind.events.Topic;
import dev.rewind.platform.messaging.outbox.EventSizeLimit;
import dev.rewind.platform.messaging.outbox.OutboxEventTooLarge;
import dev.rewind.platform.tracing.MessageTracing;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Publishes events transactionally: the event is written in the caller's database transaction, so it exists if and
 * only if the state change it describes was committed. The {@link OutboxRelay} sends it to Kafka right after commit.
 */
@ApplicationScoped
public class Outbox {

    private final Event<OutboxAppended> appended;
    private final Clock clock;
    private final EventSizeLimit sizeLimit;
    private final MessageTracing tracing;

    @Inject
    public Outbox(Event<OutboxAppended> appended, Clock clock, MessagingConfig config, MessageTracing tracing) {
        this.appended = appended;
        this.tracing = tracing;
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
        record.traceParent = tracing.traceParentFor(event.target());
        sizeLimit.check(record.eventType, record.recordKey, record.subject, record.payload);
        record.persist();
        appended.fire(new OutboxAppended(topic.name()));
        return record.eventId;
    }

    /**
     * Adds {@code events}, in order, to the outbox within the current transaction with one statement; returns their
     * CloudEvents ids in the same order. Throws {@link OutboxEventTooLarge} before anything is written when Kafka
     * would refuse any of them for its size.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends RewindEvent> List<UUID> publishAll(Topic<E> topic, List<? extends E> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] subjects = new String[size];
        String[] occurred = new String[size];
        String[] payloads = new String[size];
        String[] traceParents = new String[size];
        for (int i = 0; i < size; i++) {
            E event = events.get(i);
            ids[i] = UUID.randomUUID();
            keys[i] = event.target().toString();
            types[i] = topic.typeOf(event);
            subjects[i] = event.subject();
            occurred[i] = event.occurredAt().toString();
            payloads[i] = EventJson.write(event);
            traceParents[i] = tracing.traceParentFor(event.target());
            sizeLimit.check(types[i], keys[i], subjects[i], payloads[i]);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        // unnest keeps the arrays' order, and the identity column numbers rows in insertion order: positions
        // follow the order of events, which the relay keeps per key.
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox_event (event_id, topic, record_key, event_type, subject, occurred_at,"
                            + " payload, trace_parent, created_at) SELECT id, ?, record_key, event_type, subject,"
                            + " occurred_at, payload, trace_parent, ? FROM unnest(?::uuid[], ?::text[], ?::text[],"
                            + " ?::text[], ?::text[]::timestamptz[], ?::text[], ?::text[]) WITH ORDINALITY"
                            + " AS e(id, record_key, event_type, subject, occurred_at, payload, trace_parent, n)"
                            + " ORDER BY n")) {
                insert.setString(1, topic.name());
                insert.setObject(2, now);
                insert.setArray(3, connection.createArrayOf("uuid", ids));
                insert.setArray(4, connection.createArrayOf("text", keys));
                insert.setArray(5, connection.createArrayOf("text", types));
                insert.setArray(6, connection.createArrayOf("text", subjects));
                insert.setArray(7, connection.createArrayOf("text", occurred));
                insert.setArray(8, connection.createArrayOf("text", payloads));
                insert.setArray(9, connection.createArrayOf("text", traceParents));
                insert.executeUpdate();
            }
        });
        appended.fire(new OutboxAppended(topic.name()));
        return List.of(ids);
    }
}
