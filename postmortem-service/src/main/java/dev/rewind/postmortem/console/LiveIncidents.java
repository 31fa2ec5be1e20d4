package dev.rewind.postmortem.console;

import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentEvent;
import dev.rewind.platform.messaging.Delivery;
import dev.rewind.platform.messaging.EventReader;
import dev.rewind.platform.messaging.InvalidEventRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * The console's live feed: this instance's own consumer of {@code rewind.incident-events} (a consumer group per
 * running instance, from the newest record, committing nothing) tells every open console which incident changed. It
 * tells them once the recorder (the service's shared consumer group, perhaps in another instance) has stored the
 * event, so that a page that re-reads the incident sees the change; an event not stored within a minute is dropped.
 */
@ApplicationScoped
public class LiveIncidents {

    /** The console's incoming channel. */
    public static final String CHANNEL = "console-events";

    /** How long an event may wait for the recorder before the console stops waiting. */
    static final Duration PATIENCE = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(LiveIncidents.class);

    private final BroadcastProcessor<UUID> changes = BroadcastProcessor.create();
    private final Map<UUID, Waiting> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public LiveIncidents(Clock clock) {
        this.clock = clock;
    }

    private record Waiting(UUID incidentId, Instant since) {
    }

    /** The incidents that change from now on, by id; a slow subscriber misses changes rather than holding others up. */
    public Multi<UUID> changes() {
        return changes.onOverflow().drop();
    }

    @Incoming(CHANNEL)
    @Blocking
    public void seen(ConsumerRecord<String, String> record) {
        Delivery<IncidentEvent> delivery;
        try {
            delivery = EventReader.read(Topics.INCIDENT_EVENTS, record);
        } catch (InvalidEventRecord invalid) {
            return; // the recorder dead-letters it; the console has nothing to show
        }
        waiting.put(delivery.id(), new Waiting(delivery.event().incidentId(), Instant.now(clock)));
        announceRecorded();
    }

    /** Tells the consoles of each waiting event the recorder has stored meanwhile; forgets those waited on too long. */
    @Scheduled(every = "${rewind.console.live-check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void announceRecorded() {
        forgetStale(); // first: while the database is down, the waiting events must not pile up
        if (waiting.isEmpty()) {
            return;
        }
        Set<UUID> ids = new HashSet<>(waiting.keySet());
        List<UUID> stored = TimelineEntryRecord.getEntityManager()
                .createQuery("select e.eventId from TimelineEntryRecord e where e.eventId in :ids", UUID.class)
                .setParameter("ids", ids).getResultList();
        Set<UUID> announced = new HashSet<>();
        for (UUID eventId : stored) {
            Waiting event = waiting.remove(eventId);
            if (event != null && announced.add(event.incidentId())) {
                announce(event.incidentId());
            }
        }
    }

    /** One at a time: the consumer's thread and the scheduler's both announce, and a processor takes one caller. */
    private synchronized void announce(UUID incidentId) {
        changes.onNext(incidentId);
    }

    private void forgetStale() {
        Instant giveUp = Instant.now(clock).minus(PATIENCE);
        waiting.entrySet().removeIf(entry -> {
            boolean stale = entry.getValue().since().isBefore(giveUp);
            if (stale) {
                LOG.debugf("event %s of incident %s was not recorded within %s: consoles were not told", entry.getKey(),
                        entry.getValue().incidentId(), PATIENCE);
            }
            return stale;
        });
    }
}
