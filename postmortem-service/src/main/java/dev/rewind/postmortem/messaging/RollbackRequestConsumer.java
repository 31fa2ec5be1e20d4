package dev.rewind.postmortem.messaging;

import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.IdempotentConsumer;
import dev.rewind.postmortem.service.IncidentRecorder;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code rewind.rollback-requests} in the post-mortem service's own consumer group: each request's evidence
 * (the alerts with their values and thresholds), the release judged bad and who asked go into the incident's record.
 */
@ApplicationScoped
public class RollbackRequestConsumer {

    /** The incoming channel of rollback requests. */
    public static final String CHANNEL = "rollback-requests";

    private final IdempotentConsumer consumer;
    private final IncidentRecorder recorder;

    @Inject
    public RollbackRequestConsumer(IdempotentConsumer consumer, IncidentRecorder recorder) {
        this.consumer = consumer;
        this.recorder = recorder;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.ROLLBACK_REQUESTS, record, recorder::record);
    }
}
