package dev.rewind.detector.service;

import dev.rewind.detector.domain.StormLedger;
import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a batch of firing alerts shares within its transaction, read with two queries instead of two per alert: the
 * open incident of each target, and the occurrences already recorded (Alertmanager re-sends on purpose), kept in a
 * {@link StormLedger} that the batch updates as it records alerts and opens incidents.
 */
final class AlertBatch {

    private final StormLedger<IncidentRecord.Open> ledger;
    private final Deque<Long> incidentNumbers = new ArrayDeque<>();

    private AlertBatch(StormLedger<IncidentRecord.Open> ledger) {
        this.ledger = ledger;
    }

    /** Takes the numbers of the {@code count} incidents this batch is about to open, with one query. */
    void reserveIncidentNumbers(int count) {
        incidentNumbers.addAll(IncidentRecord.nextNumbers(count));
    }

    /** The next incident's number: a reserved one, else a new one. */
    long nextIncidentNumber() {
        Long reserved = incidentNumbers.poll();
        return reserved != null ? reserved : IncidentRecord.nextNumber();
    }

    /** Reads what the targets of {@code alerts}' firing alerts already have. */
    static AlertBatch load(List<? extends AlertEvent> alerts) {
        StormLedger<IncidentRecord.Open> ledger = new StormLedger<>();
        List<AlertFired> fired = alerts.stream().filter(AlertFired.class::isInstance).map(AlertFired.class::cast)
                .toList();
        if (fired.isEmpty()) {
            return new AlertBatch(ledger);
        }
        Set<String> sources = fired.stream().map(AlertFired::source).collect(Collectors.toSet());
        Set<String> targets = fired.stream().map(alert -> alert.target().toString()).collect(Collectors.toSet());
        Set<String> fingerprints = fired.stream().map(AlertFired::fingerprint).collect(Collectors.toSet());
        IncidentRecord.openIncidentsOf(targets).forEach(ledger::opened);
        AlertRecord.firingOccurrences(sources, targets, fingerprints)
                .forEach(recorded -> ledger.recorded(recorded.occurrence(), recorded.startsAt()));
        return new AlertBatch(ledger);
    }

    /** True when this occurrence of {@code alert} was already recorded, before or earlier in this batch. */
    boolean seen(AlertFired alert) {
        return ledger.seen(occurrenceOf(alert), alert.startsAt());
    }

    /** The open incident of {@code target}, including one this batch opened. */
    Optional<IncidentRecord.Open> openIncident(String target) {
        return ledger.openIncident(target);
    }

    /** Remembers that this batch opened {@code incident}: the target's later alerts attach to it. */
    void opened(IncidentRecord incident) {
        ledger.opened(incident.target, new IncidentRecord.Open(incident.id, incident.number));
    }

    /** Persists {@code record} of a firing alert, and remembers it. */
    void record(AlertRecord record) {
        record.persist();
        ledger.recorded(new StormLedger.Occurrence(record.source, record.target, record.fingerprint),
                record.startsAt);
    }

    private static StormLedger.Occurrence occurrenceOf(AlertFired alert) {
        return new StormLedger.Occurrence(alert.source(), alert.target().toString(), alert.fingerprint());
    }
}
