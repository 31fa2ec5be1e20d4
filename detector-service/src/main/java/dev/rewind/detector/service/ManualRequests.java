package dev.rewind.detector.service;

import dev.rewind.detector.domain.Decision;
import dev.rewind.detector.domain.RequestedRevision;
import dev.rewind.detector.kubernetes.DeploymentHistory;
import dev.rewind.detector.kubernetes.ReleaseLookup;
import dev.rewind.detector.persistence.BlockedReleaseRecord;
import dev.rewind.detector.persistence.IncidentRecord;
import dev.rewind.detector.persistence.ManualRequestRecord;
import dev.rewind.events.ExecutionMode;
import dev.rewind.events.Release;
import dev.rewind.events.Signal;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.IncidentOpened;
import dev.rewind.events.incident.RollbackDeclined;
import dev.rewind.events.request.Hold;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.environment.Environments;
import dev.rewind.platform.messaging.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns a person's rollback request into an incident and a rollback request like the detector's own, in one
 * transaction: the release judged bad and the release to return to read from the cluster, the guards applied (a guard's
 * decline becomes a request on hold that people allowed to may override), the approval policy left to decide. Refuses,
 * publishing nothing, when the target already has an open incident or its Deployment cannot be read.
 */
@ApplicationScoped
public class ManualRequests {

    private final Environments environments;
    private final RollbackGuards guards;
    private final DeploymentHistory history;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ManualRequests(Environments environments, RollbackGuards guards, DeploymentHistory history, Outbox outbox,
                          Clock clock) {
        this.environments = environments;
        this.guards = guards;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What the requester is answered, the first time and on every retry with the same Idempotency-Key. */
    public record Accepted(UUID incidentId, long incidentNumber, UUID requestId) {
    }

    /**
     * Requests the rollback, or answers what the first request with {@code idempotencyKey} (null: none) was answered.
     *
     * @throws ManualRequestRefused when the target has an open incident or the rollback cannot be requested as asked
     */
    public Accepted request(ManualRequest request, String idempotencyKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> requestOnce(request, idempotencyKey));
        } catch (RuntimeException e) {
            if (!causedByConstraint(e)) {
                throw e;
            }
            // Another request for this target (an alert's, or this one retried) committed first.
            return QuarkusTransaction.requiringNew().call(() -> answered(request, idempotencyKey)
                    .orElseThrow(() -> IncidentRecord.openFor(request.target().toString())
                            .map(open -> ManualRequestRefused.openIncident(open.id, open.number,
                                    request.target().toString()))
                            .orElse(ManualRequestRefused.unprocessable(null, "another request for "
                                    + request.target() + " was being made at the same moment: send yours again"))));
        }
    }

    private Accepted requestOnce(ManualRequest request, String idempotencyKey) {
        Optional<Accepted> first = answered(request, idempotencyKey);
        if (first.isPresent()) {
            return first.get();
        }
        TargetKey target = request.target();
        refuseUnconfigured(target);
        Optional<IncidentRecord> open = IncidentRecord.openFor(target.toString());
        if (open.isPresent()) {
            throw ManualRequestRefused.openIncident(open.get().id, open.get().number, target.toString());
        }
        String reason = "Requested by " + request.requester() + ": " + request.reason();
        Decision.RollBack wanted = new Decision.RollBack(request.severity(), ExecutionMode.MANUAL, reason, null);
        RollbackGuards.Checked checked = guards.check(target, wanted);
        ReleaseLookup.Running deployed = checked.deployed();
        if (deployed == null) {
            throw ManualRequestRefused.unprocessable(null, "cannot request a rollback of " + target + ": "
                    + declineReason(checked.decision()));
        }
        Integer toRevision = deployed.toRevision();
        Release rollbackTo = deployed.rollbackTo();
        if (request.toRevision() != null) {
            toRevision = request.toRevision();
            rollbackTo = chosen(target, request.toRevision(), deployed.release());
        }
        IncidentRecord incident = open(target, request, reason);
        Hold hold = null;
        if (checked.decision() instanceof Decision.Decline decline) {
            // Held, not refused: people allowed to may override the guard at the approval service.
            hold = checked.held() != null ? checked.held().hold() : new Hold(decline.code(), decline.reason());
            outbox.publish(Topics.INCIDENT_EVENTS, new RollbackDeclined(incident.id, target, decline.code(),
                    decline.reason(), now()));
        }
        RollbackRequested requested = new RollbackRequested(UUID.randomUUID(), incident.id, incident.number, target,
                request.severity(), Signal.UNKNOWN, reason, ExecutionMode.MANUAL, null, toRevision,
                deployed.release(), rollbackTo, deployed.deployedBy(), hold, request.requester(), List.of(), now());
        outbox.publish(Topics.ROLLBACK_REQUESTS, requested);
        Accepted accepted = new Accepted(incident.id, incident.number, requested.requestId());
        if (idempotencyKey != null) {
            remember(request, idempotencyKey, accepted);
        }
        IncidentRecord.getEntityManager().flush(); // a concurrent request's conflict surfaces here, not at commit
        return accepted;
    }

    /** The answer to the first request with {@code idempotencyKey}; refused when that key asked something else. */
    private static Optional<Accepted> answered(ManualRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return ManualRequestRecord.of(request.requester(), idempotencyKey).map(first -> {
            if (!first.bodyHash.equals(request.digest())) {
                throw ManualRequestRefused.unprocessable(null, "Idempotency-Key '" + idempotencyKey + "' was used "
                        + "at " + first.requestedAt + " for another request (INCIDENT-" + first.incidentNumber
                        + "): use a new key for a new request");
            }
            return new Accepted(first.incidentId, first.incidentNumber, first.requestId);
        });
    }

    private void refuseUnconfigured(TargetKey target) {
        environments.refusal(target).ifPresent(reason -> {
            String field = environments.named(target.environment()).isEmpty() ? "environment" : "namespace";
            throw ManualRequestRefused.unprocessable(field, reason);
        });
    }

    private Release chosen(TargetKey target, int revision, Release running) {
        List<Release> revisions;
        try {
            revisions = history.of(target, environments.of(target)).orElse(List.of());
        } catch (RuntimeException e) {
            throw ManualRequestRefused.unprocessable("toRevision", "could not read the history of deployment "
                    + target.namespace() + "/" + target.service() + " from the " + target.environment()
                    + " cluster to check revision " + revision + " (" + e.getMessage() + "): try again, or leave "
                    + "toRevision out for the previous one");
        }
        RequestedRevision checked = RequestedRevision.check(revision, target.namespace() + "/" + target.service(),
                running, revisions,
                BlockedReleaseRecord.imagesBlockedFor(List.of(target.toString())).getOrDefault(target.toString(),
                        Set.of()));
        if (checked.refusal() != null) {
            throw ManualRequestRefused.unprocessable("toRevision", checked.refusal());
        }
        return checked.release();
    }

    private IncidentRecord open(TargetKey target, ManualRequest request, String reason) {
        IncidentRecord incident = new IncidentRecord();
        incident.id = UUID.randomUUID();
        incident.number = IncidentRecord.nextNumber();
        incident.target = target.toString();
        incident.severity = request.severity();
        incident.signal = Signal.UNKNOWN;
        incident.reason = reason;
        incident.state = IncidentRecord.State.OPEN;
        incident.openedAt = now();
        incident.persist();
        outbox.publish(Topics.INCIDENT_EVENTS, new IncidentOpened(incident.id, incident.number, target,
                request.severity(), Signal.UNKNOWN, reason, null, incident.openedAt));
        return incident;
    }

    private void remember(ManualRequest request, String idempotencyKey, Accepted accepted) {
        ManualRequestRecord record = new ManualRequestRecord();
        record.id = UUID.randomUUID();
        record.requester = request.requester();
        record.idempotencyKey = idempotencyKey;
        record.bodyHash = request.digest();
        record.incidentId = accepted.incidentId();
        record.incidentNumber = accepted.incidentNumber();
        record.requestId = accepted.requestId();
        record.requestedAt = now();
        record.persist();
    }

    private static String declineReason(Decision decision) {
        return decision instanceof Decision.Decline decline ? decline.reason() : "no release could be read";
    }

    private static boolean causedByConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
