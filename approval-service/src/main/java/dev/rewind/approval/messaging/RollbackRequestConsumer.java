package dev.rewind.approval.messaging;

import dev.rewind.approval.service.RequestIntake;
import dev.rewind.events.Topics;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.rollback-requests}: each request is taken in once, with its outgoing events. */
@ApplicationScoped
public class RollbackRequestConsumer {

    /** The incoming channel of rollback requests. */
    public static final String CHANNEL = "rollback-requests";

    private final IdempotentConsumer consumer;
    private final RequestIntake intake;

    @Inject
    public RollbackRequestConsumer(IdempotentConsumer consumer, RequestIntake intake) {
        this.consumer = consumer;
        this.intake = intake;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.ROLLBACK_REQUESTS, record,
                delivery -> intake.receive((RollbackRequested) delivery.event()));
    }
}
