package dev.rewind.notifier.escalation;

import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.messaging.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The runbook's escalation path per incident: starts its timer when it opens, stops it when nobody needs to act any
 * more, and notes the levels reached (whoever announced them), in the transaction of the incident event. The
 * {@link EscalationTimer} announces the levels that come due.
 */
@ApplicationScoped
public class Escalations {

    private final EscalationConfig config;
    private final EscalationLadder ladder;
    private final EscalationScope scope;

    @Inject
    public Escalations(EscalationConfig config, EscalationLadder ladder) {
        this.config = config;
        this.ladder = ladder;
        this.scope = EscalationScope.of(config);
    }

    /** Follows one incident event; called by the consumer for every event, before the channels plan. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Delivery<IncidentEvent> delivery, Instant now) {
        IncidentEvent event = delivery.event();
        if (!config.enabled() || !IncidentProgress.follows(event) || !scope.covers(event.target())) {
            return;
        }
        IncidentEscalationRecord record = IncidentEscalationRecord.locked(event.incidentId());
        EscalationState state;
        if (record == null) {
            record = IncidentEscalationRecord.create(event.incidentId(), event.target());
            // The clock runs from the incident's opening, not from when we heard of it; a producer's clock ahead
            // of ours must not push the levels later.
            Instant seen = event.occurredAt().isBefore(now) ? event.occurredAt() : now;
            state = EscalationState.start(seen, ladder.reachedAtOpening());
        } else {
            state = record.state();
        }
        state = state.after(event).arrived(event.occurredAt(), now, config.catchUpGrace());
        Optional<String> excluded = scope.excludes(event);
        if (excluded.isPresent()) {
            state = state.ended(event.occurredAt(), excluded.get()); // kept, so that later events do not start it
        }
        record.save(state, ladder, now);
    }
}
