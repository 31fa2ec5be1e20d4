package dev.rewind.notifier.escalation;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEscalated;
import dev.rewind.platform.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Announces the escalation levels that came due: every check interval it claims the incidents whose next level is
 * due (several notifier instances may run; each incident is claimed by one) and, in the same transaction, publishes
 * {@code IncidentEscalated} through the outbox and moves the incident to its next level. The channels tell the
 * level's people from that event. No thread waits per incident: the due times are rows.
 */
@ApplicationScoped
public class EscalationTimer {

    private static final Logger LOG = Logger.getLogger(EscalationTimer.class);

    /** Incidents claimed per transaction: a backlog after an outage is worked through in short transactions. */
    static final int BATCH = 50;

    private final EscalationConfig config;
    private final EscalationLadder ladder;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public EscalationTimer(EscalationConfig config, EscalationLadder ladder, Outbox outbox, Clock clock) {
        this.config = config;
        this.ladder = ladder;
        this.outbox = outbox;
        this.clock = clock;
    }

    // A programmatic job, not @Scheduled: the interval's default lives once (EscalationConfig), and a disabled
    // path schedules nothing.
    void start(@Observes StartupEvent startup, Scheduler scheduler) {
        if (!config.enabled()) {
            LOG.info("escalation is off (" + EscalationConfig.PREFIX + ".enabled=false): no level will be announced"
                    + " by the notifier");
            return;
        }
        LOG.infof("escalation path: %s; checked every %s, first %s after this start", ladder.levels().stream()
                .map(level -> level.title() + " after " + level.after()).collect(Collectors.joining(", ")),
                config.checkInterval(), config.catchUpGrace());
        // The first check waits for the consumer to read what happened while this notifier was down.
        scheduler.newJob("rewind-escalation-check")
                .setInterval(config.checkInterval().toMillis() + "ms")
                .setDelayed(config.catchUpGrace().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> check())
                .schedule();
    }

    /** Announces every level due now; returns how many incidents were looked at. */
    public int check() {
        int total = 0;
        int claimed;
        do {
            Instant now = Instant.now(clock);
            claimed = QuarkusTransaction.requiringNew().call(() -> escalateDue(now));
            total += claimed;
        } while (claimed == BATCH);
        return total;
    }

    private int escalateDue(Instant now) {
        List<IncidentEscalationRecord> due = IncidentEscalationRecord.claimDue(now, BATCH);
        for (IncidentEscalationRecord record : due) {
            EscalationState state = record.state();
            // The ladder decides again: the configuration may have changed since the due time was stored.
            Optional<EscalationLadder.Step> step = ladder.due(state, now);
            if (step.isPresent()) {
                String incident = EscalationState.reference(state.incidentNumber(), record.incidentId);
                String reason = EscalationReason.of(step.get(), incident, record.target, state, now);
                outbox.publish(Topics.INCIDENT_EVENTS, new IncidentEscalated(record.incidentId, record.targetKey(),
                        step.get().level().number(), reason, now));
                LOG.infof("escalated: %s", reason);
                state = state.reaching(step.get().level().number());
            }
            record.save(state, ladder, now);
        }
        return due.size();
    }
}
