package dev.rewind.executor.messaging;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.executor.persistence.AlertsResolvedRecord;
import dev.rewind.platform.messaging.EventReader;
import dev.rewind.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code rewind.incident-events} for what verification waits on: the incidents whose every alert resolved.
 * Every other event is for other services.
 */
@ApplicationScoped
public class IncidentEventConsumer {

    /** The incoming channel of incident lifecycle events. */
    public static final String CHANNEL = "incident-events";

    private final IdempotentConsumer consumer;

    @Inject
    public IncidentEventConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        // Every other incident event is read (a record that is not a valid event still throws, to be dead-lettered)
        // and acknowledged without a transaction, which would only claim it in the inbox; those transactions were
        // competing for the CPU with the incidents' own hops.
        if (!(EventReader.read(Topics.INCIDENT_EVENTS, record).event() instanceof IncidentAlertsResolved)) {
            return;
        }
        consumer.apply(Topics.INCIDENT_EVENTS, record, delivery -> {
            if (delivery.event() instanceof IncidentAlertsResolved resolved
                    && AlertsResolvedRecord.findById(resolved.incidentId()) == null) {
                AlertsResolvedRecord row = new AlertsResolvedRecord();
                row.incidentId = resolved.incidentId();
                row.resolvedAt = resolved.occurredAt();
                row.alerts = String.join(",", resolved.alerts());
                row.persist();
            }
        });
    }
}
