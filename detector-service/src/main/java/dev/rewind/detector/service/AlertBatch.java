package dev.rewind.detector.service;

import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a batch of firing alerts shares within its transaction, read with two queries instead of two per alert: the
 * open incident of each target, and the occurrences already recorded (Alertmanager re-sends on purpose), both kept
 * up to date as the batch records alerts and opens incidents.
 */
final class AlertBatch {

    /**
     * PostgreSQL keeps timestamps to the microsecond: an occurrence's start read back may differ from the alert's by
     * up to that, and two starts that close are the same occurrence to the database's uniqueness constraint too.
     */
    private static final Duration SAME_START = Duration.ofNanos(1_000);

    private final Map<String, IncidentRecord> openIncidents;
    private final Map<Occurrence, List<Instant>> recorded;

    private AlertBatch(Map<String, IncidentRecord> openIncidents, Map<Occurrence, List<Instant>> recorded) {
        this.openIncidents = openIncidents;
        this.recorded = recorded;
    }

    /** Reads what the targets of {@code alerts}' firing alerts already have. */
    static AlertBatch load(List<? extends AlertEvent> alerts) {
        List<AlertFired> fired = alerts.stream().filter(AlertFired.class::isInstance).map(AlertFired.class::cast)
                .toList();
        if (fired.isEmpty()) {
            return new AlertBatch(new HashMap<>(), new HashMap<>());
        }
        Set<String> sources = fired.stream().map(AlertFired::source).collect(Collectors.toSet());
        Set<String> targets = fired.stream().map(alert -> alert.target().toString()).collect(Collectors.toSet());
        Set<String> fingerprints = fired.stream().map(AlertFired::fingerprint).collect(Collectors.toSet());
        Map<String, IncidentRecord> open = IncidentRecord.<IncidentRecord>list("target in ?1 and state = ?2", targets,
                IncidentRecord.State.OPEN).stream().collect(Collectors.toMap(incident -> incident.target,
                incident -> incident, (first, second) -> first, HashMap::new));
        Map<Occurrence, List<Instant>> recorded = new HashMap<>();
        // In the order of the occurrence constraint's columns, so that its index answers.
        AlertRecord.<AlertRecord>list("source in ?1 and target in ?2 and fingerprint in ?3 and status = ?4", sources,
                targets, fingerprints, AlertRecord.Status.FIRING).forEach(record -> recorded.computeIfAbsent(
                new Occurrence(record.source, record.target, record.fingerprint), key -> new ArrayList<>())
                .add(record.startsAt));
        return new AlertBatch(open, recorded);
    }

    /** True when this occurrence of {@code alert} was already recorded, before or earlier in this batch. */
    boolean seen(AlertFired alert) {
        List<Instant> starts = recorded.get(Occurrence.of(alert));
        return starts != null && starts.stream().anyMatch(start -> sameStart(start, alert.startsAt()));
    }

    /** The open incident of {@code target}, including one this batch opened. */
    Optional<IncidentRecord> openIncident(String target) {
        return Optional.ofNullable(openIncidents.get(target));
    }

    /** Persists {@code record} of a firing alert, and remembers it and the incident it opened or joined. */
    void record(AlertRecord record) {
        record.persist();
        recorded.computeIfAbsent(new Occurrence(record.source, record.target, record.fingerprint),
                key -> new ArrayList<>()).add(record.startsAt);
        if (record.incidentId != null && !openIncidents.containsKey(record.target)) {
            // Managed in this transaction: found without a query.
            IncidentRecord incident = IncidentRecord.findById(record.incidentId);
            if (incident != null && incident.state == IncidentRecord.State.OPEN) {
                openIncidents.put(record.target, incident);
            }
        }
    }

    private static boolean sameStart(Instant stored, Instant received) {
        if (stored == null || received == null) {
            return Objects.equals(stored, received);
        }
        return Duration.between(stored, received).abs().compareTo(SAME_START) <= 0;
    }

    /** An alert's identity apart from when it started. */
    private record Occurrence(String source, String target, String fingerprint) {

        static Occurrence of(AlertFired alert) {
            return new Occurrence(alert.source(), alert.target().toString(), alert.fingerprint());
        }
    }
}
