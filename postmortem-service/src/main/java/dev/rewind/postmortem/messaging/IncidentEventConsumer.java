package dev.rewind.postmortem.messaging;

import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.IdempotentConsumer;
import dev.rewind.postmortem.service.IncidentRecorder;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.incident-events} in the post-mortem service's own consumer group; each event once. */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final IdempotentConsumer consumer;
    private final IncidentRecorder recorder;

    @Inject
    public IncidentEventConsumer(IdempotentConsumer consumer, IncidentRecorder recorder) {
        this.consumer = consumer;
        this.recorder = recorder;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.INCIDENT_EVENTS, record, recorder::record);
    }
}
