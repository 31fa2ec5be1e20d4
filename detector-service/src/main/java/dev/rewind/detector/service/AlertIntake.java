package dev.rewind.detector.service;

import dev.rewind.detector.messaging.AlertPublisher;
import dev.rewind.detector.metrics.DetectorMetrics;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts normalized alerts durably: they are published straight to {@code rewind.alerts} and accepted once the
 * broker acknowledged them; when it does not in time, they are committed to the outbox instead, in one transaction
 * and one statement (all or none), and the relay publishes them. {@link AlertProcessor} takes them from the topic.
 * Alerts about targets outside the configured environments are refused before anything is sent.
 */
@ApplicationScoped
public class AlertIntake {

    private final Environments environments;
    private final AlertPublisher publisher;
    private final Outbox outbox;
    private final DetectorMetrics metrics;

    @Inject
    public AlertIntake(Environments environments, AlertPublisher publisher, Outbox outbox, DetectorMetrics metrics) {
        this.environments = environments;
        this.publisher = publisher;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * Makes {@code alerts} durable for processing: acknowledged by the broker, or else committed to the outbox.
     *
     * @throws TargetRefused when any alert's environment is not configured or does not own its namespace
     */
    public void accept(List<AlertEvent> alerts) {
        List<TargetRefused.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            int index = i;
            environments.refusal(alerts.get(i).target())
                    .ifPresent(reason -> refusals.add(new TargetRefused.Refusal(index, reason)));
        }
        if (!refusals.isEmpty()) {
            metrics.received(alerts, DetectorMetrics.REFUSED);
            throw new TargetRefused(refusals);
        }
        if (!publisher.publish(alerts)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(Topics.ALERTS, alerts));
        }
        metrics.received(alerts, DetectorMetrics.ACCEPTED);
    }
}
