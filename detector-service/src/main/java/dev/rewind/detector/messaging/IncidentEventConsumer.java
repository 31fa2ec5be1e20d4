package dev.rewind.detector.messaging;

import dev.rewind.detector.service.IncidentCloser;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.EventReader;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.incident-events} to learn when the detector's incidents are over. */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final IdempotentConsumer consumer;
    private final IncidentCloser closer;

    @Inject
    public IncidentEventConsumer(IdempotentConsumer consumer, IncidentCloser closer) {
        this.consumer = consumer;
        this.closer = closer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        // Most incident events do not concern the detector: read (a record that is not a valid event still throws, to
        // be dead-lettered) and acknowledged without a transaction, which would only claim them in the inbox; they
        // were competing for the CPU with the incident's own hops.
        if (closer.concerns(EventReader.read(Topics.INCIDENT_EVENTS, record).event())) {
            consumer.apply(Topics.INCIDENT_EVENTS, record, delivery -> closer.apply(delivery.event()));
        }
    }
}
