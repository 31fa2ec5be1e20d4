package dev.rewind.detector.messaging;

import dev.rewind.detector.service.IncidentCloser;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.incident-events} to learn when the detector's incidents are over. */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final Inbox inbox;
    private final IncidentCloser closer;

    @Inject
    public IncidentEventConsumer(Inbox inbox, IncidentCloser closer) {
        this.inbox = inbox;
        this.closer = closer;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(Topics.INCIDENT_EVENTS, record).ifPresent(delivery -> closer.apply(delivery.event()));
    }
}
