package dev.rewind.detector.service;

import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Accepts normalized alerts durably: they are committed to the outbox in one transaction (all or none), and the
 * relay publishes them to {@code rewind.alerts}, where {@link AlertProcessor} takes them from.
 */
@ApplicationScoped
public class AlertIntake {

    private final Outbox outbox;

    @Inject
    public AlertIntake(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public void accept(List<AlertEvent> alerts) {
        alerts.forEach(alert -> outbox.publish(Topics.ALERTS, alert));
    }
}
