package dev.rewind.detector.messaging;

import dev.rewind.detector.service.AlertProcessor;
import dev.rewind.events.Topics;
import dev.rewind.platform.messaging.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes {@code rewind.alerts}: each alert is applied once, in one transaction with its outgoing events. */
@ApplicationScoped
public class AlertConsumer {

    /** The incoming channel of normalized alerts. */
    public static final String CHANNEL = "alerts";

    private final Inbox inbox;
    private final AlertProcessor processor;

    @Inject
    public AlertConsumer(Inbox inbox, AlertProcessor processor) {
        this.inbox = inbox;
        this.processor = processor;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(Topics.ALERTS, record).ifPresent(delivery -> processor.process(delivery.event()));
    }
}
