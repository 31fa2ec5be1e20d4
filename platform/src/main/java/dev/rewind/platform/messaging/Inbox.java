package dev.rewind.platform.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Idempotent consumption: remembers, in the transaction of the effect, which events this service has applied, so
 * that a redelivered event has no second effect. {@link IdempotentConsumer} is how consumers use it.
 */
@ApplicationScoped
public class Inbox {

    private final String consumer;
    private final Clock clock;

    @Inject
    public Inbox(MessagingConfig config, Clock clock) {
        this.consumer = config.consumer();
        this.clock = clock;
    }

    /**
     * Records that this consumer applies event {@code eventId} in the current transaction. False when it already
     * did: the caller must then skip the effect. Concurrent claims of one id wait for each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(UUID eventId, String eventType) {
        int inserted = Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id, event_type, processed_at) "
                                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, Instant.now(clock))
                .executeUpdate();
        return inserted == 1;
    }
}
