package dev.rewind.approval.messaging;

import dev.rewind.approval.service.ResolvedIncidents;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.EventReader;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code rewind.incident-events} for what people deciding on a request must know: its incident's alerts all
 * resolved. Each event is handled once.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final IdempotentConsumer consumer;
    private final ResolvedIncidents resolved;

    @Inject
    public IncidentEventConsumer(IdempotentConsumer consumer, ResolvedIncidents resolved) {
        this.consumer = consumer;
        this.resolved = resolved;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        // Every other incident event is read (a record that is not a valid event still throws, to be dead-lettered)
        // and acknowledged without a transaction, which would only claim it in the inbox; those transactions were
        // competing for the CPU with the incidents' own hops.
        if (resolved.concerns(EventReader.read(Topics.INCIDENT_EVENTS, record).event())) {
            consumer.apply(Topics.INCIDENT_EVENTS, record, delivery -> resolved.apply(delivery.event()));
        }
    }
}
