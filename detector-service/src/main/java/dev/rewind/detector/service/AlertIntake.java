package dev.rewind.detector.service;

import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts normalized alerts durably: they are committed to the outbox in one transaction (all or none), and the
 * relay publishes them to {@code rewind.alerts}, where {@link AlertProcessor} takes them from. Alerts about targets
 * outside the configured environments are refused before anything is committed.
 */
@ApplicationScoped
public class AlertIntake {

    private final Environments environments;
    private final Outbox outbox;

    @Inject
    public AlertIntake(Environments environments, Outbox outbox) {
        this.environments = environments;
        this.outbox = outbox;
    }

    /**
     * Commits {@code alerts} for processing.
     *
     * @throws TargetRefused when any alert's environment is not configured or does not own its namespace
     */
    @Transactional
    public void accept(List<AlertEvent> alerts) {
        List<TargetRefused.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            int index = i;
            environments.refusal(alerts.get(i).target())
                    .ifPresent(reason -> refusals.add(new TargetRefused.Refusal(index, reason)));
        }
        if (!refusals.isEmpty()) {
            throw new TargetRefused(refusals);
        }
        alerts.forEach(alert -> outbox.publish(Topics.ALERTS, alert));
    }
}
