package dev.rewind.detector.messaging;

import dev.rewind.detector.service.AlertProcessor;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.alerts}: each alert is applied once, in one transaction with its outgoing events. */
@ApplicationScoped
public class AlertConsumer {

    /** The incoming channel of normalized alerts. */
    public static final String CHANNEL = "alerts";

    private final IdempotentConsumer consumer;
    private final AlertProcessor processor;

    @Inject
    public AlertConsumer(IdempotentConsumer consumer, AlertProcessor processor) {
        this.consumer = consumer;
        this.processor = processor;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.apply(Topics.ALERTS, record, delivery -> processor.process(delivery.event()));
    }
}
