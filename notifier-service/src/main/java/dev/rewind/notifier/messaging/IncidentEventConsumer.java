package dev.rewind.notifier.messaging;

import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.IdempotentConsumer;
import dev.rewind.notifier.service.IncidentNotifications;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.incident-events} in the notifier's own consumer group; each event is handled once. */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final IdempotentConsumer consumer;
    private final IncidentNotifications notifications;

    @Inject
    public IncidentEventConsumer(IdempotentConsumer consumer, IncidentNotifications notifications) {
        this.consumer = consumer;
        this.notifications = notifications;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.INCIDENT_EVENTS, record, notifications::handle);
    }
}
