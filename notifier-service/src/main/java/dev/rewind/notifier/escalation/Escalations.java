package dev.rewind.notifier.escalation;

import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.messaging.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The runbook's escalation path per incident: starts its timers when it opens, stops them when it is resolved, and
 * notes the levels reached, in the transaction of the incident event.
 */
@ApplicationScoped
public class Escalations {

    /** Follows one incident event; called by the consumer for every event, before the channels plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Delivery<IncidentEvent> delivery, Instant now) {
        // the escalation ladder is written by the escalation owner
    }
}
