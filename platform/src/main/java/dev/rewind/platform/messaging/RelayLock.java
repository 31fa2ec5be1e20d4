package dev.rewind.platform.messaging;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets one relay at a time publish a schema's outbox, so several replicas of a service never reorder events of a
 * key. A PostgreSQL advisory lock held until the current transaction ends.
 */
@ApplicationScoped
public class RelayLock {

    /** True when this transaction now holds the lock of the current schema's outbox. */
    public boolean tryAcquire() {
        Object acquired = Panache.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext('rewind.outbox.' || current_schema()))")
                .getSingleResult();
        return Boolean.TRUE.equals(acquired);
    }
}
