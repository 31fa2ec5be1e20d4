package dev.rewind.detector.service;

import dev.rewind.detector.domain.StormLedger;
import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
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

    private final StormLedger<IncidentRecord> ledger;

    private AlertBatch(StormLedger<IncidentRecord> ledger) {
        this.ledger = ledger;
    }

    /** Reads what the targets of {@code alerts}' firing alerts already have. */
    static AlertBatch load(List<? extends AlertEvent> alerts) {
        StormLedger<IncidentRecord> ledger = new StormLedger<>();
        List<AlertFired> fired = alerts.stream().filter(AlertFired.class::isInstance).map(AlertFired.class::cast)
                .toList();
        if (fired.isEmpty()) {
            return new AlertBatch(ledger);
        }
        Set<String> sources = fired.stream().map(AlertFired::source).collect(Collectors.toSet());
        Set<String> targets = fired.stream().map(alert -> alert.target().toString()).collect(Collectors.toSet());
        Set<String> fingerprints = fired.stream().map(AlertFired::fingerprint).collect(Collectors.toSet());
        IncidentRecord.<IncidentRecord>list("target in ?1 and state = ?2", targets, IncidentRecord.State.OPEN)
                .forEach(incident -> ledger.opened(incident.target, incident));
        // In the order of the occurrence constraint's columns, so that its index answers.
        AlertRecord.<AlertRecord>list("source in ?1 and target in ?2 and fingerprint in ?3 and status = ?4", sources,
                targets, fingerprints, AlertRecord.Status.FIRING).forEach(record -> ledger.recorded(
                new StormLedger.Occurrence(record.source, record.target, record.fingerprint), record.startsAt));
        return new AlertBatch(ledger);
    }

    /** True when this occurrence of {@code alert} was already recorded, before or earlier in this batch. */
    boolean seen(AlertFired alert) {
        return ledger.seen(occurrenceOf(alert), alert.startsAt());
    }

    /** The open incident of {@code target}, including one this batch opened. */
    Optional<IncidentRecord> openIncident(String target) {
        return ledger.openIncident(target);
    }

    /** Persists {@code record} of a firing alert, and remembers it and the incident it opened or joined. */
    void record(AlertRecord record) {
        record.persist();
        ledger.recorded(new StormLedger.Occurrence(record.source, record.target, record.fingerprint),
                record.startsAt);
        if (record.incidentId != null && ledger.openIncident(record.target).isEmpty()) {
            // Managed in this transaction: found without a query.
            IncidentRecord incident = IncidentRecord.findById(record.incidentId);
            if (incident != null && incident.state == IncidentRecord.State.OPEN) {
                ledger.opened(record.target, incident);
            }
        }
    }

    private static StormLedger.Occurrence occurrenceOf(AlertFired alert) {
        return new StormLedger.Occurrence(alert.source(), alert.target().toString(), alert.fingerprint());
    }
}
