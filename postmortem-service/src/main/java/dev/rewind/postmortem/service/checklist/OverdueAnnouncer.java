package dev.rewind.postmortem.service.checklist;

import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.ChecklistItemOverdue;
import dev.rewind.platform.messaging.Outbox;
import dev.rewind.postmortem.domain.checklist.ChecklistItem;
import dev.rewind.postmortem.persistence.ChecklistItemRecord;
import dev.rewind.postmortem.persistence.IncidentRecord;
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
import org.jboss.logging.Logger;

/**
 * Announces each overdue checklist item once: every check interval it claims the items past their due time and not
 * yet announced (several instances may run; {@code FOR UPDATE SKIP LOCKED} gives each item to one), and in the same
 * transaction publishes {@link ChecklistItemOverdue} through the outbox and marks the item announced.
 */
@ApplicationScoped
public class OverdueAnnouncer {

    private static final Logger LOG = Logger.getLogger(OverdueAnnouncer.class);

    /** The scheduler job's identity (for {@code Scheduler.pause} and {@code resume}). */
    public static final String JOB = "rewind-checklist-overdue";

    /** Items claimed per transaction: a backlog is worked through in short transactions. */
    static final int BATCH = 50;

    private final ChecklistConfig config;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public OverdueAnnouncer(ChecklistConfig config, Outbox outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    // A programmatic job, not @Scheduled: the interval's default lives once (ChecklistConfig), and turning
    // announcements off schedules nothing.
    void start(@Observes StartupEvent startup, Scheduler scheduler) {
        if (!config.overdue().announce()) {
            LOG.info("overdue checklist items are not announced (rewind.postmortem.checklist.overdue.announce=false)");
            return;
        }
        scheduler.newJob(JOB)
                .setInterval(config.overdue().checkInterval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> announceOverdue())
                .schedule();
    }

    /** Announces every item overdue now and not announced yet; returns how many were announced. */
    public int announceOverdue() {
        int total = 0;
        int claimed;
        do {
            Instant now = Instant.now(clock);
            claimed = QuarkusTransaction.requiringNew().call(() -> announce(now));
            total += claimed;
        } while (claimed == BATCH);
        return total;
    }

    private int announce(Instant now) {
        List<ChecklistItemRecord> due = ChecklistItemRecord.claimUnannounced(
                now.minus(config.overdue().announceWithin()), now, BATCH);
        for (ChecklistItemRecord row : due) {
            IncidentRecord incident = IncidentRecord.findById(row.incidentId);
            String title = ChecklistItem.ofKey(row.item).map(ChecklistItem::title).orElse(row.item);
            outbox.publish(Topics.INCIDENT_EVENTS, new ChecklistItemOverdue(row.incidentId,
                    TargetKey.parse(incident.target), incident.number, row.item, title, row.phase, row.dueAt, now));
            LOG.infof("checklist item '%s' of %s overdue since %s: announced", title,
                    incident.number == null ? row.incidentId : "INCIDENT-" + incident.number, row.dueAt);
            row.announcedAt = now;
        }
        return due.size();
    }
}
