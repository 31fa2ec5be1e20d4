package dev.rewind.platform.messaging.outbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sends whose outcome the relay has not seen yet. A record in here is never sent again, whatever its backoff
 * says: the producer may still be delivering it, and a second copy would only add to a broker outage's duplicates.
 */
public final class InFlightSends {

    private final Map<Long, CompletableFuture<?>> sends = new ConcurrentHashMap<>();

    /** Remembers the send of record {@code position} until {@code outcome} completes. */
    public void add(long position, CompletableFuture<?> outcome) {
        sends.put(position, outcome);
        outcome.whenComplete((ignored, failure) -> sends.remove(position, outcome));
    }

    /** The positions of the records still in flight. */
    public Set<Long> positions() {
        sends.values().removeIf(CompletableFuture::isDone);
        return Set.copyOf(sends.keySet());
    }
}
