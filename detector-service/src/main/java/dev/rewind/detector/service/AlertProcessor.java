package dev.rewind.detector.service;

import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.domain.DecisionMatrix;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.detector.metrics.DetectorMetrics;
import dev.rewind.detector.persistence.AlertRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.alert.AlertEvent;
import dev.rewind.events.alert.AlertFired;
import dev.rewind.events.alert.AlertResolved;
import dev.rewind.events.incident.IncidentAlertsResolved;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.Evidence;
import dev.rewind.events.request.Hold;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one normalized alert: records it, asks the decision matrix and the guards, and opens an incident with a
 * rollback request naming the release judged bad (or a declined rollback, requested on hold too when a guard held
 * it), or attaches the alert to the target's open incident as evidence.
 */
@ApplicationScoped
public class AlertProcessor {

    /** Who requests the rollbacks the detector decides on. */
    public static final String REQUESTER = "rewind-detector";

    private final DecisionMatrix matrix;
    private final RollbackGuards guards;
    private final Outbox outbox;
    private final Clock clock;
    private final DetectorMetrics metrics;

    @Inject
    public AlertProcessor(DecisionMatrix matrix, RollbackGuards guards, Outbox outbox, Clock clock,
                          DetectorMetrics metrics) {
        this.matrix = matrix;
        this.guards = guards;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void process(AlertEvent alert) {
        process(List.of(alert));
    }

    /**
     * Applies {@code alerts} in order, in the caller's transaction, as {@link #process(AlertEvent)} would one by one;
     * the batch reads its targets' open incidents and recorded occurrences once ({@link AlertBatch}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void process(List<? extends AlertEvent> alerts) {
        AlertBatch batch = AlertBatch.load(alerts);
        Set<TargetKey> toDecide = targetsToDecide(alerts, batch);
        // Each of them opens exactly one incident in this batch: one query numbers them all.
        batch.reserveIncidentNumbers(toDecide.size());
        GuardReads reads = guards.read(toDecide);
        for (AlertEvent alert : alerts) {
            if (alert instanceof AlertFired fired) {
                fired(fired, batch, reads);
            } else if (alert instanceof AlertResolved resolved) {
                resolved(resolved);
            }
        }
    }

    /**
     * The targets whose alerts in {@code alerts} may open an incident that asks for a rollback: the guards read what
     * they weigh for all of them at once. The decision matrix is a pure function, so deciding twice is cheap.
     */
    private Set<TargetKey> targetsToDecide(List<? extends AlertEvent> alerts, AlertBatch batch) {
        Set<TargetKey> targets = new LinkedHashSet<>();
        for (AlertEvent alert : alerts) {
            if (alert instanceof AlertFired fired && !targets.contains(fired.target()) && !batch.seen(fired)
                    && batch.openIncident(fired.target().toString()).isEmpty()
                    && matrix.decide(fired.target(), fired.signal(), fired.observedValue(), fired.summary())
                    instanceof Decision.RollBack) {
                targets.add(fired.target());
            }
        }
        return targets;
    }

    private void fired(AlertFired alert, AlertBatch batch, GuardReads reads) {
        if (batch.seen(alert)) {
            metrics.duplicate(alert.source());
            return; // a re-send of an alert already applied
        }
        AlertRecord record = record(alert, AlertRecord.Status.FIRING, alert.startsAt());
        record.observed = alert.observedValue();
        record.summary = alert.summary();
        Optional<IncidentRecord.Open> open = batch.openIncident(alert.target().toString());
        if (open.isPresent()) {
            record.incidentId = open.get().id();
            record.decision = "ATTACHED to incident " + open.get().number();
            batch.record(record);
            return;
        }
        RollbackGuards.Checked checked =
                guards.check(alert.target(), alert.signal(), alert.labels(),
                        matrix.decide(alert.target(), alert.signal(), alert.observedValue(), alert.summary()), reads);
        Decision decision = checked.decision();
        metrics.decided(alert.signal(), decision, checked.held() != null);
        if (decision instanceof Decision.RollBack rollBack) {
            IncidentRecord incident = open(alert, rollBack.severity(), rollBack.reason(), checked, batch, reads);
            outbox.publish(Topics.ROLLBACK_REQUESTS, request(alert, incident, rollBack, checked.deployed(), null));
            record.incidentId = incident.id;
            record.decision = "ROLLBACK " + rollBack.severity() + " " + rollBack.mode();
        } else if (decision instanceof Decision.Decline decline) {
            IncidentRecord incident = open(alert, decline.severity(), decline.reason(), checked, batch, reads);
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackDeclined(incident.id, alert.target(),
                    decline.code(), decline.reason(), now()));
            record.incidentId = incident.id;
            record.decision = "DECLINED " + decline.code();
            if (checked.held() != null) {
                // Held, not refused: people may override the guard at the approval service.
                outbox.publish(Topics.ROLLBACK_REQUESTS, request(alert, incident, checked.held().rollBack(),
                        checked.deployed(), checked.held().hold()));
                record.decision = "HELD " + decline.code();
            }
        } else if (decision instanceof Decision.Ignore ignore) {
            record.decision = "IGNORED: " + ignore.reason();
        }
        batch.record(record);
    }

    private RollbackRequested request(AlertFired alert, IncidentRecord incident, Decision.RollBack rollBack,
                                      ReleaseLookup.Running deployed, Hold hold) {
        return new RollbackRequested(UUID.randomUUID(), incident.id, incident.number, alert.target(),
                rollBack.severity(), alert.signal(), rollBack.reason(), rollBack.mode(), null, deployed.toRevision(),
                deployed.release(), deployed.rollbackTo(), deployed.deployedBy(), hold, REQUESTER,
                List.of(new Evidence(alert.alertId(), alert.source(), alert.signal(), alert.summary(),
                        alert.observedValue(), rollBack.threshold(), alert.startsAt())), now());
    }

    private void resolved(AlertResolved alert) {
        if (AlertRecord.seen(alert.source(), alert.target().toString(), alert.fingerprint(), alert.startsAt(),
                AlertRecord.Status.RESOLVED)) {
            metrics.duplicate(alert.source());
            return;
        }
        AlertRecord record = record(alert, AlertRecord.Status.RESOLVED, alert.startsAt());
        record.decision = "RESOLVED";
        record.incidentId = AlertRecord.incidentOfFiring(alert.source(), alert.target().toString(), alert.fingerprint())
                .or(() -> IncidentRecord.openFor(alert.target().toString()).map(incident -> incident.id))
                .orElse(null);
        record.persist();
        if (record.incidentId != null) {
            // Before the all-resolved announcement: the outbox keeps a target's order, so the timeline shows each
            // alert resolving before it says that every alert has.
            outbox.publish(Topics.INCIDENT_EVENTS, ResolvedAlertEvidence.of(alert, record.incidentId, now()));
            announceIfEveryAlertResolved(IncidentRecord.findById(record.incidentId), alert.target());
        }
    }

    /** Once every alert that fired for {@code incident} resolved, says so, once. */
    private void announceIfEveryAlertResolved(IncidentRecord incident, TargetKey target) {
        if (incident == null || incident.alertsResolvedAt != null) {
            return;
        }
        Set<String> fired = AlertRecord.fingerprintsOf(incident.id, AlertRecord.Status.FIRING);
        Set<String> resolved = AlertRecord.fingerprintsOf(incident.id, AlertRecord.Status.RESOLVED);
        if (fired.isEmpty() || !resolved.containsAll(fired)) {
            return;
        }
        incident.alertsResolvedAt = now();
        outbox.publish(Topics.INCIDENT_EVENTS, new IncidentAlertsResolved(incident.id, target,
                fired.stream().sorted().toList(), incident.alertsResolvedAt));
    }

    private IncidentRecord open(AlertFired alert, Severity severity, String reason, RollbackGuards.Checked checked,
                                AlertBatch batch, GuardReads reads) {
        IncidentRecord incident = new IncidentRecord();
        incident.id = UUID.randomUUID();
        incident.number = batch.nextIncidentNumber();
        incident.target = alert.target().toString();
        incident.severity = severity;
        incident.signal = alert.signal();
        incident.reason = reason;
        incident.state = IncidentRecord.State.OPEN;
        incident.openedAt = now();
        incident.deployedAt = RollbackGuards.deployedAt(checked);
        incident.persist();
        batch.opened(incident);
        reads.opened(alert.target(), incident.deployedAt);
        outbox.publish(Topics.INCIDENT_EVENTS, new IncidentOpened(incident.id, incident.number, alert.target(),
                severity, alert.signal(), reason, alert.version(), incident.openedAt));
        return incident;
    }

    private AlertRecord record(AlertEvent alert, AlertRecord.Status status, Instant startsAt) {
        AlertRecord record = new AlertRecord();
        record.id = alert.alertId();
        record.source = alert.source();
        record.fingerprint = alert.fingerprint();
        record.status = status;
        record.target = alert.target().toString();
        record.signal = alert.signal();
        record.startsAt = startsAt;
        record.receivedAt = now();
        return record;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
