package dev.rewind.postmortem.service;

import dev.rewind.events.IncidentScoped;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.postmortem.domain.Incident;
import dev.rewind.postmortem.domain.IncidentHistory;
import dev.rewind.postmortem.persistence.IncidentRecord;
import dev.rewind.postmortem.persistence.TimelineEntryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads incidents: finds one by id or number and folds its timeline into its record. */
@ApplicationScoped
public class IncidentReader {

    private static final Pattern NUMBER = Pattern.compile("(?i)(?:INCIDENT-)?([1-9][0-9]{0,17})");

    private final PostmortemConfig config;
    private final Clock clock;

    @Inject
    public IncidentReader(PostmortemConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** An incident's record and its timeline, in the order things happened. */
    public record Found(Incident incident, List<TimelineEntryRecord> timeline) {
    }

    /**
     * The incident {@code reference} names: its id (a UUID), or its number ({@code 123} or {@code INCIDENT-123}).
     *
     * @throws IllegalArgumentException when {@code reference} is neither
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> find(String reference) {
        UUID id = idOf(reference);
        if (id == null) {
            return Optional.empty();
        }
        List<TimelineEntryRecord> timeline = TimelineEntryRecord.of(id);
        return Optional.of(new Found(fold(id, timeline, Instant.now(clock)), timeline));
    }

    /** The id of the incident {@code reference} names, or null when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UUID idOf(String reference) {
        Matcher number = NUMBER.matcher(reference == null ? "" : reference.strip());
        if (number.matches()) {
            return IncidentRecord.<IncidentRecord>find("number = ?1 order by openedAt desc", Long.parseLong(number.group(1)))
                    .firstResultOptional()
                    .map(incident -> incident.id).orElse(null);
        }
        UUID id;
        try {
            id = UUID.fromString(reference);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'id' must be an incident UUID or number (123 or INCIDENT-123), got '"
                    + reference + "'");
        }
        return IncidentRecord.findByIdOptional(id).isPresent() ? id : null;
    }

    /**
     * The record {@code timeline} tells, as it stands at {@code now}. Entries written before version 0.4 kept only
     * their text: they add nothing, but the incident's row stands in for its opening (number, severity, reason,
     * detection time) when the opening is one of them.
     */
    public Incident fold(UUID id, List<TimelineEntryRecord> timeline, Instant now) {
        List<IncidentHistory.Recorded> events = new ArrayList<>(timeline.stream().filter(entry -> entry.payload != null)
                .map(entry -> new IncidentHistory.Recorded(entry.eventId, entry.position, parse(entry)))
                .toList());
        boolean opened = events.stream().anyMatch(recorded -> recorded.event() instanceof IncidentOpened);
        if (!opened && isLegacy(timeline)) {
            openingFromRow(id).ifPresent(events::add);
        }
        return IncidentHistory.fold(id, events, config.deadline().deadlines(), now);
    }

    /** True when some of {@code timeline}'s entries were written before version 0.4, without their event. */
    public static boolean isLegacy(List<TimelineEntryRecord> timeline) {
        return timeline.stream().anyMatch(entry -> entry.payload == null);
    }

    private static Optional<IncidentHistory.Recorded> openingFromRow(UUID id) {
        IncidentRecord row = IncidentRecord.findById(id);
        if (row == null || row.number == null || row.severity == null || row.reason == null) {
            return Optional.empty();
        }
        IncidentOpened opening = new IncidentOpened(id, row.number, TargetKey.parse(row.target), row.severity,
                row.signal == null ? Signal.UNKNOWN : row.signal, row.reason, null, row.openedAt);
        return Optional.of(new IncidentHistory.Recorded(new UUID(0, 0), 0, opening));
    }

    private static IncidentScoped parse(TimelineEntryRecord entry) {
        if (Topics.ROLLBACK_REQUESTS.types().contains(entry.eventType)) {
            return Topics.ROLLBACK_REQUESTS.parse(entry.eventType, entry.payload);
        }
        return Topics.INCIDENT_EVENTS.parse(entry.eventType, entry.payload);
    }
}
