package dev.rewind.approval;

import static org.awaitility.Awaitility.await;

import dev.rewind.approval.persistence.ApprovalRequestRecord;
import dev.rewind.events.EventFixtures;
import dev.rewind.events.Severity;
import dev.rewind.events.TargetKey;
import dev.rewind.events.Topics;
import dev.rewind.events.incident.DeclineReason;
import dev.rewind.events.request.Hold;
import dev.rewind.events.request.RollbackRequested;
import dev.rewind.platform.messaging.OutboxRecord;
import dev.rewind.platform.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;

/** Rollback requests for the approval tests, sent through Kafka as the detector sends them. */
final class Requests {

    /** The deploy's author in the fixture: counts as the requester. */
    static final String DEPLOY_AUTHOR = "jane.dev";

    private Requests() {
    }

    static RollbackRequested request(TargetKey target, Severity severity, Hold hold) {
        RollbackRequested f = EventFixtures.event(RollbackRequested.class);
        return new RollbackRequested(UUID.randomUUID(), UUID.randomUUID(), f.incidentNumber(), target, severity,
                f.signal(), f.reason(), f.mode(), f.method(), f.toRevision(), f.release(), f.rollbackTo(),
                DEPLOY_AUTHOR, hold, f.requestedBy(), f.evidence(), f.occurredAt());
    }

    static Hold cooldownHold() {
        return new Hold(DeclineReason.COOLDOWN, "checkout was rolled back 4 minutes ago");
    }

    /** Sends a request and waits until the approval service has taken it in. */
    static RollbackRequested taken(TestKafka kafka, TargetKey target, Severity severity, Hold hold) {
        RollbackRequested request = request(target, severity, hold);
        kafka.send(Topics.ROLLBACK_REQUESTS, request);
        await().atMost(TestKafka.PATIENCE).until(() -> stored(request.requestId()) != null);
        return request;
    }

    /** How many rollback commands were written for {@code target}: the outbox holds every one ever issued. */
    static long commandsFor(TargetKey target) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("recordKey = ?1 and topic = ?2",
                target.toString(), Topics.ROLLBACK_COMMANDS.name()));
    }

    static ApprovalRequestRecord stored(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord.findById(requestId));
    }
}
