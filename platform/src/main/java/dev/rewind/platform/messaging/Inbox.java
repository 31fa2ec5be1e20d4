package dev.rewind.platform.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /**
     * Records, with one statement, that this consumer applies {@code events} (id and type) in the current
     * transaction; returns the ids it had not applied before: the caller applies only those. Concurrent claims of
     * one id wait for each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> claimAll(List<? extends Delivery<?>> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = events.stream().map(Delivery::id).toArray(UUID[]::new);
        String[] types = events.stream().map(Delivery::type).toArray(String[]::new);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> claimed = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (consumer, event_id, event_type, processed_at) "
                            + "SELECT ?, id, type, ? FROM unnest(?::uuid[], ?::text[]) AS claim(id, type) "
                            + "ON CONFLICT DO NOTHING RETURNING event_id")) {
                Array idArray = connection.createArrayOf("uuid", ids);
                Array typeArray = connection.createArrayOf("text", types);
                insert.setString(1, consumer);
                insert.setObject(2, now);
                insert.setArray(3, idArray);
                insert.setArray(4, typeArray);
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        claimed.add(inserted.getObject(1, UUID.class));
                    }
                }
            }
            return claimed;
        });
    }
}
