package dev.rewind.detector.messaging;

import dev.rewind.detector.config.IntakeConfig;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.messaging.OutboxMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes accepted alerts straight to {@code rewind.alerts} (idempotent producer, acks=all), as the outbox relay
 * would: same key and CloudEvents attributes. The intake changes no database state, so the broker's acknowledgement
 * alone makes an alert durable; the outbox is the fallback while the broker does not acknowledge.
 */
@ApplicationScoped
public class AlertPublisher {

    /** The outgoing channel to {@code rewind.alerts}. */
    public static final String CHANNEL = "alerts-direct";

    private static final Logger LOG = Logger.getLogger(AlertPublisher.class);

    private final Emitter<String> emitter;
    private final OutboxMessages messages;
    private final Duration brokerWait;

    @Inject
    public AlertPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
                          Emitter<String> emitter, OutboxMessages messages, IntakeConfig config) {
        this.emitter = emitter;
        this.messages = messages;
        this.brokerWait = config.brokerWait();
    }

    /**
     * Sends {@code alerts} in order and waits for the broker; true once it acknowledged every one, false when any
     * was not acknowledged within the wait (some may still arrive: consumers recognise a re-sent alert).
     *
     * @throws dev.rewind.platform.messaging.outbox.OutboxEventTooLarge before anything is sent, when any alert is
     *                                                                  larger than the outbox would take
     */
    public boolean publish(List<? extends AlertEvent> alerts) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(alerts.size());
        List<Message<String>> outgoing = new ArrayList<>(alerts.size());
        for (AlertEvent alert : alerts) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            outgoing.add(messages.toMessage(Topics.ALERTS, alert, UUID.randomUUID(), ack));
            acks.add(ack);
        }
        for (int i = 0; i < outgoing.size(); i++) {
            try {
                emitter.send(outgoing.get(i));
            } catch (RuntimeException e) { // e.g. the emitter's buffer is full
                acks.get(i).completeExceptionally(e);
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(brokerWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Kafka did not acknowledge %d alerts within %s (%s): they go to the outbox instead, and the"
                    + " relay publishes them once the broker is back. Check the broker if this repeats.",
                    alerts.size(), brokerWait, e.getCause() != null ? e.getCause() : e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
