package dev.rewind.approval.service;

import dev.rewind.approval.domain.ApprovalState;
import dev.rewind.approval.persistence.ApprovalRequestRecord;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Watches undecided requests: once a request's deadline passes undecided (waiting for approvals, or held by a guard
 * for an override) it escalates (once per deadline), and once an undecided
 * request's expiry limit passes it expires, closing its incident. A timer never approves anything. Each request is
 * handled in its own transaction with its row locked and its state read again, so replicas never act twice.
 */
@ApplicationScoped
public class ApprovalTimers {

    private final Announcements announcements;
    private final Clock clock;

    @Inject
    public ApprovalTimers(Announcements announcements, Clock clock) {
        this.announcements = announcements;
        this.clock = clock;
    }

    @Scheduled(every = "${rewind.approval.timer-interval}", delayed = "${rewind.approval.timer-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runAt(Instant.now(clock));
    }

    /** Escalates and expires what is due at {@code now}; returns how many requests changed. */
    public int runAt(Instant now) {
        int changed = 0;
        for (UUID id : due("state in ?1 and expiresAt <= ?2", List.of(ApprovalState.PENDING, ApprovalState.HELD),
                now)) {
            changed += QuarkusTransaction.requiringNew().call(() -> expire(id, now)) ? 1 : 0;
        }
        for (UUID id : due("state in ?1 and deadline <= ?2 and escalatedAt is null",
                List.of(ApprovalState.PENDING, ApprovalState.HELD), now)) {
            changed += QuarkusTransaction.requiringNew().call(() -> escalate(id, now)) ? 1 : 0;
        }
        return changed;
    }

    private static List<UUID> due(String query, List<ApprovalState> states, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ApprovalRequestRecord
                .<ApprovalRequestRecord>find(query, states, now).stream().map(request -> request.id).toList());
    }

    private boolean expire(UUID id, Instant now) {
        ApprovalRequestRecord request = ApprovalRequestRecord.locked(id);
        if (request.state.decided() || request.expiresAt.isAfter(now)) {
            return false; // decided meanwhile, or another replica got there first
        }
        request.state = request.state.moveTo(ApprovalState.EXPIRED);
        request.decidedAt = now;
        announcements.expired(request, now);
        return true;
    }

    private boolean escalate(UUID id, Instant now) {
        ApprovalRequestRecord request = ApprovalRequestRecord.locked(id);
        if (request.state.decided() || request.escalatedAt != null || request.deadline.isAfter(now)) {
            return false;
        }
        request.escalatedAt = now;
        announcements.escalated(request, now);
        return true;
    }
}
