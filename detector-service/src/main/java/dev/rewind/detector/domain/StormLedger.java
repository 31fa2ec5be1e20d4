package dev.rewind.detector.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the detector knows about a batch's targets while it applies the batch, so that a storm of thousands of
 * alerts, duplicates and HA re-sends makes one incident per target: an occurrence already recorded is a re-send and
 * has no effect; an alert about a target with an open incident attaches to it; only the others are decided, and a
 * decision that opens an incident is remembered for the rest of the batch. The database's uniqueness constraints
 * hold the same rules across batches and replicas.
 *
 * @param <I> the incident, as the caller keeps it
 */
public final class StormLedger<I> {

    /**
     * PostgreSQL keeps timestamps to the microsecond: an occurrence's start read back may differ from the alert's by
     * up to that, and two starts that close are the same occurrence to the database's uniqueness constraint too.
     */
    private static final Duration SAME_START = Duration.ofNanos(1_000);

    private final Map<String, I> openIncidents = new HashMap<>();
    private final Map<Occurrence, List<Instant>> recorded = new HashMap<>();

    /** An alert's identity apart from when it started. */
    public record Occurrence(String source, String target, String fingerprint) {
    }

    /** True when {@code occurrence} starting at {@code startsAt} was already recorded, before or in this batch. */
    public boolean seen(Occurrence occurrence, Instant startsAt) {
        List<Instant> starts = recorded.get(occurrence);
        return starts != null && starts.stream().anyMatch(start -> sameStart(start, startsAt));
    }

    /** The open incident of {@code target}, including one this batch opened. */
    public Optional<I> openIncident(String target) {
        return Optional.ofNullable(openIncidents.get(target));
    }

    /** Remembers that {@code occurrence} starting at {@code startsAt} is recorded. */
    public void recorded(Occurrence occurrence, Instant startsAt) {
        recorded.computeIfAbsent(occurrence, key -> new ArrayList<>()).add(startsAt);
    }

    /** Remembers that {@code target} has the open incident {@code incident}; an earlier one is kept. */
    public void opened(String target, I incident) {
        openIncidents.putIfAbsent(target, incident);
    }

    private static boolean sameStart(Instant stored, Instant received) {
        if (stored == null || received == null) {
            return Objects.equals(stored, received);
        }
        return Duration.between(stored, received).abs().compareTo(SAME_START) <= 0;
    }
}
